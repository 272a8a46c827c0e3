package dev.firebreak.replay;

import dev.firebreak.system.json.Json;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The capture format (docs/replay.md): a stream of JSON values, usually one per line (NDJSON). Each value is either a
 * <b>recording</b> as exported by {@code GET /api/recordings}
 * ({@code {"receivedAt":..., "status":200, "outcome":"opened", "incident":"INC-3", "groupKey":..., "headers":{...},
 * "answer":{...}, "payload":{...}}}; {@code body} as a string instead of {@code payload} when the body was not JSON),
 * or a <b>plain Alertmanager webhook payload</b> ({@code {"version":"4","groupKey":...,"alerts":[...]}}) as saved
 * by hand or by any webhook logger; pretty-printed files and JSON arrays of either are read too.
 */
public final class Captures {

    private static final JsonMapper JSON = Json.mapper();

    private Captures() {}

    /** A capture that cannot be read (not JSON, or a value that is neither a recording nor a payload). */
    public static final class UnreadableCapture extends IllegalArgumentException {
        public UnreadableCapture(String message) {
            super(message);
        }
    }

    /**
     * One notification of a capture. {@code receivedAt} and {@code status} are null for plain payloads;
     * {@code body} is null when the request was refused before its body was read.
     */
    public record Entry(Instant receivedAt, Integer status, String outcome, byte[] body) {

        /** Refused before intake looked at the body (credentials, content type, size, timeout): replays skip it. */
        public boolean refusedBeforeIntake() {
            return body == null
                    || status != null
                            && (status == 401 || status == 403 || status == 408 || status == 413 || status == 415);
        }
    }

    public static List<Entry> read(InputStream in) {
        List<Entry> out = new ArrayList<>();
        try (MappingIterator<JsonNode> values = JSON.readerFor(JsonNode.class).readValues(in)) {
            while (values.hasNextValue()) {
                JsonNode value = values.nextValue();
                if (value.isArray()) {
                    for (JsonNode v : value) {
                        out.add(entry(v, out.size() + 1));
                    }
                } else {
                    out.add(entry(value, out.size() + 1));
                }
            }
        } catch (JacksonException e) {
            throw new UnreadableCapture("Not a capture (JSON values, one per line) after " + out.size()
                    + " notifications: " + e.getOriginalMessage());
        }
        return out;
    }

    private static Entry entry(JsonNode v, int n) {
        if (v == null || !v.isObject()) {
            throw new UnreadableCapture("Notification " + n + " is not a JSON object");
        }
        JsonNode payload = v.get("payload");
        if (payload != null && payload.isObject()) {
            return new Entry(time(v, n), status(v), text(v, "outcome"), JSON.writeValueAsBytes(payload));
        }
        if (v.has("receivedAt") || v.has("status") && v.get("status").isNumber()) {
            JsonNode body = v.get("body");
            return new Entry(
                    time(v, n),
                    status(v),
                    text(v, "outcome"),
                    body == null || !body.isString() ? null : body.stringValue().getBytes(StandardCharsets.UTF_8));
        }
        if (v.has("groupKey") || v.has("alerts") || v.has("version")) {
            return new Entry(null, null, null, JSON.writeValueAsBytes(v));
        }
        throw new UnreadableCapture("Notification " + n + " is neither a recording nor an Alertmanager payload");
    }

    private static Instant time(JsonNode v, int n) {
        String t = text(v, "receivedAt");
        try {
            return t == null ? null : Instant.parse(t);
        } catch (DateTimeParseException e) {
            throw new UnreadableCapture("Notification " + n + ": receivedAt is not an RFC 3339 time");
        }
    }

    private static Integer status(JsonNode v) {
        JsonNode s = v.get("status");
        return s != null && s.isIntegralNumber() ? s.intValue() : null;
    }

    private static String text(JsonNode v, String field) {
        JsonNode t = v.get(field);
        return t == null || !t.isString() ? null : t.stringValue();
    }

    /** One exported line (without the newline) for a stored recording. */
    static String line(
            Instant receivedAt,
            int status,
            String outcome,
            String incident,
            String groupKey,
            String headers,
            String answer,
            String body) {
        ObjectNode line = JSON.createObjectNode();
        line.put("receivedAt", receivedAt.toString());
        line.put("status", status);
        putIfPresent(line, "outcome", outcome);
        putIfPresent(line, "incident", incident);
        putIfPresent(line, "groupKey", groupKey);
        line.set("headers", parseOr(headers, JSON.createObjectNode()));
        if (answer != null) {
            JsonNode a = parseOr(answer, null);
            if (a != null && a.isObject()) {
                line.set("answer", a);
            } else {
                line.put("answer", answer);
            }
        }
        if (body != null) {
            JsonNode p = parseOr(body, null);
            if (p != null && p.isObject()) {
                line.set("payload", p);
            } else {
                line.put("body", body);
            }
        }
        return JSON.writeValueAsString(line);
    }

    /** The headers as stored (a JSON object). */
    static String headers(Map<String, String> headers) {
        return JSON.writeValueAsString(headers);
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static JsonNode parseOr(String text, JsonNode fallback) {
        try {
            return JSON.readTree(text);
        } catch (JacksonException e) {
            return fallback;
        }
    }
}
