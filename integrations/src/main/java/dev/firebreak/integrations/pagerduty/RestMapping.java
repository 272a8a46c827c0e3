package dev.firebreak.integrations.pagerduty;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import tools.jackson.databind.JsonNode;

/** PagerDuty REST JSON to the client's records. Missing fields become null, never exceptions. */
final class RestMapping {

    private RestMapping() {}

    static OnCall onCall(JsonNode node) {
        JsonNode user = node.path("user");
        return new OnCall(
                text(user, "id"),
                firstText(user, "summary", "name"),
                text(user, "email"),
                node.path("escalation_level").asInt(0),
                reference(node.path("escalation_policy")),
                reference(node.path("schedule")),
                instant(node, "start"),
                instant(node, "end"));
    }

    static PagerDutyUser user(JsonNode node) {
        return new PagerDutyUser(
                text(node, "id"), firstText(node, "name", "summary"), text(node, "email"), text(node, "html_url"));
    }

    static PagerDutyService service(JsonNode node) {
        return new PagerDutyService(
                text(node, "id"), firstText(node, "name", "summary"), text(node, "status"), text(node, "html_url"));
    }

    static PagerDutyIncident incident(JsonNode node) {
        JsonNode number = node.path("incident_number");
        return new PagerDutyIncident(
                text(node, "id"),
                number.isNumber() ? number.asLong() : null,
                firstText(node, "title", "summary"),
                text(node, "status"),
                text(node, "urgency"),
                text(node, "html_url"),
                text(node, "incident_key"));
    }

    static PagerDutyNote note(JsonNode node) {
        return new PagerDutyNote(text(node, "id"), text(node, "content"), instant(node, "created_at"));
    }

    static EventResponse eventResponse(JsonNode node) {
        return new EventResponse(text(node, "status"), text(node, "message"), text(node, "dedup_key"));
    }

    private static Reference reference(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        return new Reference(text(node, "id"), firstText(node, "summary", "name"));
    }

    private static String firstText(JsonNode node, String first, String second) {
        String value = text(node, first);
        return value != null ? value : text(node, second);
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.stringValue() : value.isNumber() ? value.asString() : null;
    }

    private static Instant instant(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
