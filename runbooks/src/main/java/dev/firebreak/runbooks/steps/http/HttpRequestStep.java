package dev.firebreak.runbooks.steps.http;

import dev.firebreak.runbooks.lang.Json;
import dev.firebreak.runbooks.steps.DeclaredStepType;
import dev.firebreak.runbooks.steps.ErrorKind;
import dev.firebreak.runbooks.steps.PlannedChange;
import dev.firebreak.runbooks.steps.StepEnvironment;
import dev.firebreak.runbooks.steps.StepFailure;
import dev.firebreak.runbooks.steps.StepRequest;
import dev.firebreak.runbooks.steps.StepResult;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code http.request}: {@code method} (GET default; GET/HEAD read, others change), {@code url}, {@code headers},
 * {@code body} (a string, or a mapping sent as JSON), {@code expect-status} (a code or list; default any 2xx).
 * Goes through the environment's {@link HttpTransport} (allow-list, private addresses, redirects, size limit).
 * Outputs {@code status}, {@code body} (first 4 KB), {@code json} (when the answer is JSON), {@code headers}.
 */
public final class HttpRequestStep extends DeclaredStepType {

    public HttpRequestStep() {
        super(
                "http.request",
                keys("url"),
                keys("method", "headers", "body", "expect-status", "timeout"),
                CHANGING,
                NOT_IDEMPOTENT,
                keys("status", "body", "json", "headers"));
    }

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> READS = Set.of("GET", "HEAD");
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE");

    @Override
    public boolean changes(Map<String, Object> with) {
        return !READS.contains(method(with));
    }

    @Override
    public boolean idempotent(Map<String, Object> with) {
        return IDEMPOTENT.contains(method(with));
    }

    @Override
    public Map<String, String> validate(Map<String, Object> raw) {
        if (raw.get("method") != null && !METHODS.contains(method(raw))) {
            return Map.of("method", "method must be one of " + String.join(", ", METHODS));
        }
        return Map.of();
    }

    private static String method(Map<String, Object> with) {
        Object m = with.get("method");
        return m == null ? "GET" : String.valueOf(m).trim().toUpperCase(Locale.ROOT);
    }

    @Override
    public StepResult execute(StepRequest r, StepEnvironment env) {
        String method = method(r.with());
        if (!METHODS.contains(method)) {
            throw new StepFailure(ErrorKind.INVALID, "method must be one of " + String.join(", ", METHODS));
        }
        URI uri;
        try {
            uri = URI.create(r.string("url").trim());
        } catch (IllegalArgumentException e) {
            throw new StepFailure(ErrorKind.INVALID, "with.url is not a URL");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (r.with().get("headers") instanceof Map<?, ?> h) {
            h.forEach((k, v) -> headers.put(String.valueOf(k), String.valueOf(v)));
        }
        Object rawBody = r.with().get("body");
        String body = rawBody == null ? null : rawBody instanceof String s ? s : Json.write(rawBody);
        if (rawBody instanceof Map<?, ?> || rawBody instanceof Collection<?>) {
            headers.putIfAbsent("Content-Type", "application/json");
        }
        Duration timeout = r.duration("timeout", null);
        boolean changes = !READS.contains(method);
        PlannedChange change = changes ? new PlannedChange(method, uri.toString(), body) : null;
        if (changes && env.dryRun()) {
            if (env.http() instanceof GuardedHttpTransport g) {
                g.check(uri);
            }
            return StepResult.planned(change, "would send " + method + " " + uri);
        }
        HttpReply reply = env.http().exchange(new HttpCall(method, uri, headers, body, timeout));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", (long) reply.status());
        out.put("body", reply.body().length() > 4096 ? reply.body().substring(0, 4096) : reply.body());
        String type = reply.headers().getOrDefault("content-type", "");
        if (type.contains("json") && !reply.body().isBlank()) {
            try {
                out.put("json", Json.read(reply.body()));
            } catch (RuntimeException e) {
                out.put("json", Map.of());
            }
        }
        out.put("headers", reply.headers());
        String summary = method + " " + uri.getHost() + uri.getPath() + " → " + reply.status();
        if (!statusExpected(r.with().get("expect-status"), reply.status())) {
            ErrorKind kind = reply.status() >= 500 || reply.status() == 429
                    ? ErrorKind.TRANSIENT
                    : reply.status() == 404 ? ErrorKind.NOT_FOUND : ErrorKind.EXPECTATION;
            throw new StepFailure(kind, summary + " (unexpected status)");
        }
        return changes ? StepResult.changed(out, summary, change) : StepResult.succeeded(out, summary);
    }

    static boolean statusExpected(Object expect, int status) {
        if (expect == null) {
            return status >= 200 && status < 300;
        }
        if (expect instanceof Collection<?> c) {
            return c.stream().anyMatch(x -> String.valueOf(x).trim().equals(String.valueOf(status)));
        }
        return String.valueOf(expect).trim().equals(String.valueOf(status));
    }
}
