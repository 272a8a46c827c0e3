package dev.firebreak.web;

import dev.firebreak.support.HttpTestClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Alertmanager notifications for the console tests: the recorded fixture, with its own group and chosen texts. */
final class AlertFixtures {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String FIXTURE = "/fixtures/alertmanager/firing-two-pods.json";

    private AlertFixtures() {}

    /** The recorded two-pod notification as a new alert group (so each call opens its own incident). */
    static String firing(String group, String summary, Map<String, String> extraLabels) {
        try (InputStream in = AlertFixtures.class.getResourceAsStream(FIXTURE)) {
            ObjectNode n = (ObjectNode) JSON.readTree(in);
            n.put("groupKey", "{}:{alertname=\"HighErrorRate\", console=\"" + group + "\"}");
            ((ObjectNode) n.get("commonAnnotations")).put("summary", summary);
            for (var alert : n.get("alerts")) {
                ((ObjectNode) alert.get("annotations")).put("summary", summary);
                extraLabels.forEach(((ObjectNode) alert.get("labels"))::put);
            }
            extraLabels.forEach(((ObjectNode) n.get("commonLabels"))::put);
            return JSON.writeValueAsString(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Posts a notification to the webhook; returns the incident reference it opened. */
    static String send(int port, String token, String body) {
        HttpTestClient.Response r = HttpTestClient.on(port).bearer(token).post("/webhooks/alertmanager", body);
        if (r.status() != 200) {
            throw new AssertionError("webhook answered " + r);
        }
        return r.json().path("incident").asString();
    }
}
