package dev.firebreak.integrations.pagerduty;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The error part of a PagerDuty answer: REST {@code {"error":{"code","message","errors"}}} or Events
 * {@code {"status","message","errors"}}. Unreadable bodies (HTML from a proxy) give an empty description.
 */
record ErrorBody(Integer code, String message, List<String> errors) {

    static ErrorBody parse(JsonMapper json, String text) {
        if (text == null || text.isBlank()) {
            return new ErrorBody(null, null, List.of());
        }
        try {
            JsonNode root = json.readTree(text);
            JsonNode error = root.has("error") && root.get("error").isObject() ? root.get("error") : root;
            Integer code = error.path("code").isNumber() ? error.path("code").asInt() : null;
            String message =
                    error.path("message").isString() ? error.path("message").stringValue() : null;
            List<String> errors = new ArrayList<>();
            for (JsonNode item : error.path("errors")) {
                errors.add(item.isString() ? item.stringValue() : item.toString());
            }
            return new ErrorBody(code, message, errors);
        } catch (JacksonException e) {
            return new ErrorBody(null, null, List.of());
        }
    }

    String describe() {
        StringBuilder text = new StringBuilder();
        if (code != null) {
            text.append(" (code ").append(code).append(')');
        }
        if (message != null) {
            text.append(": ").append(message);
        }
        if (!errors.isEmpty()) {
            String joined = String.join("; ", errors);
            text.append(" [")
                    .append(joined.length() > 500 ? joined.substring(0, 500) + "…" : joined)
                    .append(']');
        }
        return text.toString();
    }
}
