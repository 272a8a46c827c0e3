package dev.firebreak.paging;

import dev.firebreak.system.json.Json;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The parts of a PagerDuty v3 webhook Firebreak uses. {@code data} is an incident ({@code type=incident}) or,
 * for {@code incident.annotated}, a note ({@code type=incident_note}) that points at its incident.
 */
record PagerDutyWebhookEvent(
        String id,
        String type,
        Instant occurredAt,
        String agentId,
        String agentName,
        String pdIncidentId,
        Long number,
        String status,
        String incidentKey,
        String htmlUrl,
        List<String> assignees,
        String escalationPolicy,
        String noteContent) {

    private static final JsonMapper JSON = Json.mapper();

    /** @throws IllegalArgumentException when the body is not a v3 webhook event */
    static PagerDutyWebhookEvent parse(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("body is not JSON");
        }
        JsonNode event = root == null ? null : root.path("event");
        if (event == null || !event.isObject()) {
            throw new IllegalArgumentException("no event object");
        }
        String id = text(event, "id");
        String type = text(event, "event_type");
        if (id == null || type == null) {
            throw new IllegalArgumentException("event.id and event.event_type are required");
        }
        JsonNode data = event.path("data");
        JsonNode incident = "incident_note".equals(text(data, "type")) ? data.path("incident") : data;
        List<String> assignees = new ArrayList<>();
        for (JsonNode a : incident.path("assignees")) {
            String name = text(a, "summary");
            assignees.add(name == null ? text(a, "id") : name);
        }
        JsonNode agent = event.path("agent");
        String key = text(incident, "incident_key");
        if (key == null) {
            key = text(incident, "dedup_key");
        }
        return new PagerDutyWebhookEvent(
                id,
                type,
                instant(text(event, "occurred_at")),
                text(agent, "id"),
                text(agent, "summary"),
                text(incident, "id"),
                incident.path("number").isNumber() ? incident.path("number").asLong() : null,
                text(incident, "status"),
                key,
                text(incident, "html_url"),
                List.copyOf(assignees),
                text(incident.path("escalation_policy"), "summary"),
                "incident_note".equals(text(data, "type")) ? text(data, "content") : null);
    }

    String agentLabel() {
        return agentName != null ? agentName : agentId != null ? agentId : "PagerDuty";
    }

    private static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode v = node.path(field);
        return v.isValueNode() && !v.isNull() ? v.asString() : null;
    }

    private static Instant instant(String s) {
        try {
            return s == null ? null : Instant.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
