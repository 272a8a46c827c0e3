package dev.firebreak.system.logging;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * The MDC keys every log line may carry: {@code trace_id} (one per inbound request, carried through the outbox
 * to the Slack/PagerDuty call it causes) and {@code incident} (the incident reference, e.g. {@code INC-42}, or
 * its id). Structured (JSON) logs include them as fields; see docs/operations.md.
 */
public final class TraceContext {

    public static final String TRACE_ID = "trace_id";
    public static final String INCIDENT = "incident";

    private static final Pattern TRACEPARENT = Pattern.compile("^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$");
    private static final Pattern SAFE_ID = Pattern.compile("^[A-Za-z0-9._-]{8,64}$");

    private TraceContext() {}

    /** The current trace id, or null outside a traced request or task. */
    public static String traceId() {
        return MDC.get(TRACE_ID);
    }

    /** A new W3C-style trace id: 32 lower-case hex digits. */
    public static String newTraceId() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * The trace id of an inbound request: the trace-id part of a valid W3C {@code traceparent}, else a safe
     * {@code X-Request-Id}, else a new one. Anything else a caller sends is ignored (no log injection).
     */
    public static String fromHeaders(String traceparent, String requestId) {
        if (traceparent != null) {
            var m = TRACEPARENT.matcher(traceparent.trim());
            if (m.matches() && !m.group(1).equals("0".repeat(32))) {
                return m.group(1);
            }
        }
        if (requestId != null && SAFE_ID.matcher(requestId.trim()).matches()) {
            return requestId.trim();
        }
        return newTraceId();
    }

    /** Sets (or with null, removes) the incident reference of the current thread's log lines. */
    public static void incident(String reference) {
        if (reference == null) {
            MDC.remove(INCIDENT);
        } else {
            MDC.put(INCIDENT, reference);
        }
    }

    /** Runs {@code work} with the given trace id and incident in the MDC, restoring the previous values. */
    public static void with(String traceId, String incident, Runnable work) {
        String previousTrace = MDC.get(TRACE_ID);
        String previousIncident = MDC.get(INCIDENT);
        try {
            put(TRACE_ID, traceId);
            put(INCIDENT, incident);
            work.run();
        } finally {
            put(TRACE_ID, previousTrace);
            put(INCIDENT, previousIncident);
        }
    }

    private static void put(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
