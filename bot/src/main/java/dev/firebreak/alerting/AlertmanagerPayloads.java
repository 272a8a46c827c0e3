package dev.firebreak.alerting;

import dev.firebreak.system.json.Json;
import dev.firebreak.system.text.StoredText;
import dev.firebreak.system.web.BadRequestException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses and validates Alertmanager webhook bodies (version 4). Unknown fields are ignored (newer
 * Alertmanagers add some); anything required that is missing or of the wrong type is refused with a
 * {@link Rejected} carrying the metric reason ({@code malformed}, {@code version} or {@code invalid}).
 * NUL characters in any string are replaced with U+FFFD ({@link StoredText}), so what is stored is the same
 * on H2 and PostgreSQL; a time outside years 0001..9999 (which Alertmanager cannot encode) is refused.
 */
final class AlertmanagerPayloads {

    /** Alertmanager's "no end time": {@code 0001-01-01T00:00:00Z}. */
    static final Instant ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

    static final int MAX_FINGERPRINT = 128;

    private static final JsonMapper JSON = Json.mapper();

    private AlertmanagerPayloads() {}

    /** A refused body: {@code reason} is the {@code firebreak.webhooks.rejected} tag. */
    static final class Rejected extends BadRequestException {
        private final String reason;

        Rejected(String reason, String message) {
            super(
                    HttpStatus.BAD_REQUEST,
                    switch (reason) {
                        case "malformed" -> "malformed_json";
                        case "version" -> "unsupported_version";
                        default -> "invalid_payload";
                    },
                    message);
            this.reason = reason;
        }

        String reason() {
            return reason;
        }
    }

    static AlertmanagerNotification parse(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new Rejected("malformed", "Body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new Rejected("malformed", "Body must be a JSON object");
        }
        JsonNode version = root.get("version");
        if (version == null || !version.isString() || !"4".equals(version.stringValue())) {
            throw new Rejected(
                    "version",
                    "Unsupported payload version " + (version == null ? "(missing)" : version) + "; expected \"4\"");
        }
        String groupKey = requiredString(root, "groupKey", "");
        String status = status(root, "");
        JsonNode alertsNode = root.get("alerts");
        if (alertsNode == null || !alertsNode.isArray() || alertsNode.isEmpty()) {
            throw invalid("alerts must be a non-empty array");
        }
        List<AlertmanagerNotification.Alert> alerts = new ArrayList<>(alertsNode.size());
        for (int i = 0; i < alertsNode.size(); i++) {
            alerts.add(alert(alertsNode.get(i), "alerts[" + i + "]."));
        }
        int truncated = 0;
        JsonNode t = root.get("truncatedAlerts");
        if (t != null && !t.isNull()) {
            if (!t.isIntegralNumber() || !t.canConvertToInt() || t.intValue() < 0) {
                throw invalid("truncatedAlerts must be a non-negative integer");
            }
            truncated = t.intValue();
        }
        return new AlertmanagerNotification(
                optionalString(root, "receiver", ""),
                status,
                groupKey,
                optionalString(root, "externalURL", ""),
                truncated,
                labels(root, "groupLabels", "", false),
                labels(root, "commonLabels", "", false),
                labels(root, "commonAnnotations", "", false),
                alerts);
    }

    private static AlertmanagerNotification.Alert alert(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw invalid(path.substring(0, path.length() - 1) + " must be an object");
        }
        String fingerprint = requiredString(node, "fingerprint", path);
        if (fingerprint.length() > MAX_FINGERPRINT) {
            throw invalid(path + "fingerprint is longer than " + MAX_FINGERPRINT + " characters");
        }
        Instant startsAt = time(node, "startsAt", path, true);
        Instant endsAt = time(node, "endsAt", path, false);
        return new AlertmanagerNotification.Alert(
                status(node, path),
                labels(node, "labels", path, true),
                labels(node, "annotations", path, false),
                startsAt,
                endsAt,
                optionalString(node, "generatorURL", path),
                fingerprint);
    }

    private static String status(JsonNode node, String path) {
        String status = requiredString(node, "status", path);
        if (!AlertmanagerNotification.FIRING.equals(status) && !AlertmanagerNotification.RESOLVED.equals(status)) {
            throw invalid(path + "status must be \"firing\" or \"resolved\"");
        }
        return status;
    }

    private static Instant time(JsonNode node, String field, String path, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || (v.isString() && v.stringValue().isEmpty())) {
            if (required) {
                throw invalid(path + field + " is required");
            }
            return null;
        }
        if (!v.isString()) {
            throw invalid(path + field + " must be an RFC 3339 timestamp");
        }
        try {
            Instant instant = Rfc3339Times.parse(v.stringValue());
            if (!StoredText.storable(instant)) {
                throw invalid(path + field + " must be between 0001-01-01 and 9999-12-31");
            }
            if (instant.equals(ZERO_TIME)) {
                if (required) {
                    throw invalid(path + field + " must not be the zero time");
                }
                return null;
            }
            return instant;
        } catch (DateTimeParseException e) {
            throw invalid(path + field + " must be an RFC 3339 timestamp");
        }
    }

    private static Map<String, String> labels(JsonNode node, String field, String path, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw invalid(path + field + " is required");
            }
            return Map.of();
        }
        if (!v.isObject()) {
            throw invalid(path + field + " must be an object of strings");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            if (!e.getValue().isString()) {
                throw invalid(path + field + "." + e.getKey() + " must be a string");
            }
            out.put(StoredText.clean(e.getKey()), StoredText.clean(e.getValue().stringValue()));
        }
        return out;
    }

    private static String requiredString(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        if (v == null || !v.isString() || v.stringValue().isEmpty()) {
            throw invalid(path + field + " is required (a non-empty string)");
        }
        return StoredText.clean(v.stringValue());
    }

    private static String optionalString(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            throw invalid(path + field + " must be a string");
        }
        return v.stringValue().isEmpty() ? null : StoredText.clean(v.stringValue());
    }

    private static Rejected invalid(String message) {
        return new Rejected("invalid", message);
    }
}
