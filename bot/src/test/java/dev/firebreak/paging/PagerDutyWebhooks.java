package dev.firebreak.paging;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Builds, signs and posts PagerDuty v3 webhook deliveries, as PagerDuty does. */
public final class PagerDutyWebhooks {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private PagerDutyWebhooks() {}

    public static String incidentEvent(
            String eventId,
            String type,
            String pdIncidentId,
            String incidentKey,
            String agentId,
            String agentName,
            List<String> assignees) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode event = root.putObject("event");
        event.put("id", eventId)
                .put("event_type", type)
                .put("resource_type", "incident")
                .put("occurred_at", "2026-11-28T06:10:00.000Z");
        event.putObject("agent")
                .put("html_url", "https://acme.pagerduty.com/users/" + agentId)
                .put("id", agentId)
                .put("self", "https://api.pagerduty.com/users/" + agentId)
                .put("summary", agentName)
                .put("type", "user_reference");
        event.putNull("client");
        ObjectNode data = event.putObject("data");
        data.put("id", pdIncidentId)
                .put("type", "incident")
                .put("number", 42)
                .put("status", type.equals("incident.resolved") ? "resolved" : "acknowledged")
                .put("html_url", "https://acme.pagerduty.com/incidents/" + pdIncidentId)
                .put("title", "INC checkout");
        if (incidentKey != null) {
            data.put("incident_key", incidentKey);
        }
        ArrayNode a = data.putArray("assignees");
        for (String name : assignees) {
            a.addObject().put("id", "P" + name.hashCode()).put("summary", name).put("type", "user_reference");
        }
        data.putObject("escalation_policy")
                .put("id", "PEP0001")
                .put("summary", "Checkout primary")
                .put("type", "escalation_policy_reference");
        return root.toString();
    }

    public static String noteEvent(String eventId, String pdIncidentId, String content) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode event = root.putObject("event");
        event.put("id", eventId).put("event_type", "incident.annotated").put("occurred_at", "2026-11-28T06:11:00Z");
        event.putObject("agent").put("id", "PBOB").put("summary", "Bob").put("type", "user_reference");
        ObjectNode data = event.putObject("data");
        data.put("type", "incident_note").put("content", content);
        data.putObject("incident").put("id", pdIncidentId).put("type", "incident_reference");
        return root.toString();
    }

    public static HttpResponse<String> post(int port, String body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/webhooks/pagerduty"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (signature != null) {
            request.header("X-PagerDuty-Signature", signature);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public static HttpResponse<String> postSigned(int port, String body, String secret) throws Exception {
        return post(port, body, WebhookSignatures.sign(secret, body.getBytes(StandardCharsets.UTF_8)));
    }
}
