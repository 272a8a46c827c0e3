package dev.firebreak.runbooks.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.firebreak.runbooks.lang.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A recorded Prometheus for {@code runbook test}: answers {@code /api/v1/query} for the queries a fixture declares
 * (matched after collapsing whitespace), each with a {@code value}, {@code samples} (labels + value) or a
 * {@code sequence} of values returned one per call (the last repeats), for polling steps.
 */
final class FixturePrometheus implements AutoCloseable {

    private final List<Map<String, Object>> answers;
    private final Map<Integer, AtomicInteger> calls = new LinkedHashMap<>();
    private final HttpServer server;
    final List<String> unanswered = new ArrayList<>();

    FixturePrometheus(List<Map<String, Object>> answers) throws IOException {
        this.answers = answers;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/query", this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    static String normalize(String q) {
        return q.replaceAll("\\s+", " ").trim();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String query = normalize(
                    FixtureKubernetes.query(ex.getRequestURI().getRawQuery()).getOrDefault("query", ""));
            for (int i = 0; i < answers.size(); i++) {
                Map<String, Object> a = answers.get(i);
                if (normalize(String.valueOf(a.get("query"))).equals(query)) {
                    int n = calls.computeIfAbsent(i, k -> new AtomicInteger()).getAndIncrement();
                    send(
                            ex,
                            200,
                            Map.of(
                                    "status",
                                    "success",
                                    "data",
                                    Map.of("resultType", "vector", "result", samples(a, n))));
                    return;
                }
            }
            synchronized (unanswered) {
                unanswered.add(query);
            }
            send(
                    ex,
                    400,
                    Map.of(
                            "status",
                            "error",
                            "errorType",
                            "bad_data",
                            "error",
                            "runbook test: no recorded answer for this query (add it to the fixture's prometheus list)"));
        }
    }

    private static List<Object> samples(Map<String, Object> a, int call) {
        List<Object> out = new ArrayList<>();
        if (a.get("samples") instanceof List<?> list) {
            for (Object o : list) {
                Map<?, ?> s = (Map<?, ?>) o;
                out.add(Map.of(
                        "metric",
                        s.get("labels") == null ? Map.of() : s.get("labels"),
                        "value",
                        List.of(0, String.valueOf(s.get("value")))));
            }
            return out;
        }
        Object value = a.get("value");
        if (a.get("sequence") instanceof List<?> seq && !seq.isEmpty()) {
            value = seq.get(Math.min(call, seq.size() - 1));
        }
        if (value != null) {
            out.add(Map.of("metric", Map.of(), "value", List.of(0, String.valueOf(value))));
        }
        return out;
    }

    private static void send(HttpExchange ex, int code, Object body) throws IOException {
        byte[] b = Json.write(body).getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(code, b.length);
        ex.getResponseBody().write(b);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
