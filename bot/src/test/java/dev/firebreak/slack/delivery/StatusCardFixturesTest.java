package dev.firebreak.slack.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.incident.IncidentStatus;
import dev.firebreak.incident.Severity;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The status card rendered from real Alertmanager 0.25 webhook bodies (copied from shared fixtures). */
class StatusCardFixturesTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static IncidentView fromWebhook(String fixture) throws Exception {
        JsonNode body;
        try (InputStream in = StatusCardFixturesTest.class.getResourceAsStream("/fixtures/alertmanager/" + fixture)) {
            body = JSON.readTree(in);
        }
        List<IncidentView.AlertView> alerts = new ArrayList<>();
        for (JsonNode a : body.path("alerts")) {
            Map<String, String> labels = new LinkedHashMap<>();
            a.path("labels")
                    .properties()
                    .forEach(e -> labels.put(e.getKey(), e.getValue().asString()));
            String runbook = a.path("annotations").path("runbook_url").isMissingNode()
                    ? null
                    : a.path("annotations").path("runbook_url").asString();
            alerts.add(new IncidentView.AlertView(
                    labels.get("alertname"),
                    "firing".equals(a.path("status").asString()),
                    labels,
                    a.path("generatorURL").asString(),
                    runbook));
        }
        Instant t = Instant.parse("2026-11-28T04:57:26Z");
        return new IncidentView(
                UUID.randomUUID(),
                9,
                alerts.get(0).alertname(),
                null,
                Severity.SEV3,
                IncidentStatus.TRIGGERED,
                null,
                null,
                null,
                t,
                t,
                null,
                null,
                null,
                body.path("externalURL").asString(),
                body.path("truncatedAlerts").asInt(),
                alerts,
                false);
    }

    @Test
    void truncatedGroupShowsItsThreeAlertsAndTheSevenAlertmanagerLeftOut() throws Exception {
        IncidentView v = fromWebhook("firing-truncated-max3-of-10.json");
        String alerts = StatusCard.alerts(v);
        assertThat(alerts).startsWith("*Alerts:* 3 firing · 0 resolved");
        assertThat(alerts)
                .contains(":red_circle: *DiskWillFillIn4Hours* — service=ceph, instance=osd-0.prod-us-2:9100")
                .contains("osd-1.prod-us-2:9100")
                .contains("osd-2.prod-us-2:9100")
                .endsWith("_+7 more not shown by Alertmanager_")
                .doesNotContain("_+0 more_");
        // generatorURL is "" in this capture: no Graph link, but the Alertmanager link is there
        assertThat(StatusCard.links(v)).isEqualTo("<http://alertmanager.example.internal:9093|Alertmanager>");
    }

    @Test
    void twoPodsGroupLinksGraphAndRunbook() throws Exception {
        IncidentView v = fromWebhook("firing-two-pods.json");
        assertThat(StatusCard.alerts(v))
                .startsWith("*Alerts:* 2 firing · 0 resolved")
                .doesNotContain("more");
        assertThat(StatusCard.links(v))
                .isEqualTo("<http://alertmanager.example.internal:9093|Alertmanager> · "
                        + "<http://prometheus.example.internal:9090/graph?g0.expr=rate%28http_requests_total%7Bcode%3D~%225..%22%7D%5B5m%5D%29|Graph> · "
                        + "<https://runbooks.example.internal/checkout-errors|Runbook>");
        assertThat(JSON.readTree(SlackDeliveryContext.json(StatusCard.blocks(v)))
                        .size())
                .isBetween(4, 50);
    }
}
