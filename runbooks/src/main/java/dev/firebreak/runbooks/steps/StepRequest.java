package dev.firebreak.runbooks.steps;

import dev.firebreak.runbooks.IncidentContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A rendered step to execute: run and step ids, the attempt number (1-based; polls count as attempts), rendered
 * {@code with}, the instant by which it must be done, and who asked for the run. {@code idempotencyKey} is stable for
 * a run and step ({@code runId/stepId}): types use it where the target API allows (e.g. the restart annotation value).
 */
public record StepRequest(
        String runId,
        String stepId,
        int attempt,
        Map<String, Object> with,
        Instant deadline,
        IncidentContext incident,
        String requester) {

    public StepRequest {
        with = with == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(with));
    }

    public String idempotencyKey() {
        return runId + "/" + stepId;
    }

    public String string(String key) {
        Object v = with.get(key);
        if (v == null) {
            throw new StepFailure(ErrorKind.INVALID, "with." + key + " is required");
        }
        return String.valueOf(v);
    }

    public String string(String key, String fallback) {
        Object v = with.get(key);
        return v == null ? fallback : String.valueOf(v);
    }

    public long integer(String key, long fallback) {
        Object v = with.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return n.longValue();
        }
        try {
            return Long.parseLong(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            throw new StepFailure(ErrorKind.INVALID, "with." + key + " must be an integer, got '" + v + "'");
        }
    }

    public Duration duration(String key, Duration fallback) {
        Object v = with.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return dev.firebreak.runbooks.lang.Durations.parse(String.valueOf(v));
        } catch (IllegalArgumentException e) {
            throw new StepFailure(ErrorKind.INVALID, "with." + key + ": " + e.getMessage());
        }
    }

    public boolean bool(String key, boolean fallback) {
        Object v = with.get(key);
        return v == null ? fallback : Boolean.parseBoolean(String.valueOf(v));
    }
}
