package dev.firebreak.integrations.pagerduty;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Builds Events API v2 bodies (plain maps, serialized by Jackson), applying {@link EventLimits} and redaction. */
final class EventBodies {

    private final CustomDetails customDetails;

    EventBodies(CustomDetails customDetails) {
        this.customDetails = customDetails;
    }

    Map<String, Object> trigger(TriggerEvent event) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("summary", EventLimits.summary(event.summary()));
        payload.put("source", nonBlank(event.source(), "firebreak"));
        payload.put("severity", event.severity().wireValue());
        if (event.timestamp() != null) {
            payload.put("timestamp", event.timestamp().toString());
        }
        putIfPresent(payload, "component", event.component());
        putIfPresent(payload, "group", event.group());
        putIfPresent(payload, "class", event.eventClass());
        if (!event.customDetails().isEmpty()) {
            Map<String, Object> details = customDetails.sanitize(event.customDetails());
            if (!details.isEmpty()) {
                payload.put("custom_details", details);
            }
        }

        Map<String, Object> body = base(event.routingKey(), EventAction.TRIGGER, event.dedupKey());
        body.put("payload", payload);
        putIfPresent(body, "client", event.client());
        putIfPresent(body, "client_url", event.clientUrl());
        if (!event.links().isEmpty()) {
            List<Map<String, Object>> links =
                    event.links().stream().map(EventBodies::link).toList();
            body.put("links", links);
        }
        return body;
    }

    Map<String, Object> update(String routingKey, EventAction action, String dedupKey) {
        if (action == EventAction.TRIGGER) {
            throw new IllegalArgumentException("use trigger(TriggerEvent) to trigger");
        }
        return base(routingKey, action, dedupKey);
    }

    private static Map<String, Object> base(String routingKey, EventAction action, String dedupKey) {
        if (routingKey == null || routingKey.isBlank()) {
            throw new IllegalArgumentException("routing key must not be blank");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("routing_key", routingKey);
        body.put("event_action", action.wireValue());
        body.put("dedup_key", EventLimits.dedupKey(Objects.requireNonNull(dedupKey, "dedupKey")));
        return body;
    }

    private static Map<String, Object> link(EventLink link) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("href", link.href());
        putIfPresent(out, "text", link.text());
        return out;
    }

    private static void putIfPresent(Map<String, Object> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }

    private static String nonBlank(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
