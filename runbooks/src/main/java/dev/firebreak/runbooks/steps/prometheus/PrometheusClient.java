package dev.firebreak.runbooks.steps.prometheus;

import dev.firebreak.runbooks.lang.Json;
import dev.firebreak.runbooks.steps.ErrorKind;
import dev.firebreak.runbooks.steps.StepFailure;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prometheus instant queries over its HTTP API ({@code /api/v1/query}) with the JDK HTTP client. */
final class PrometheusClient {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private static final int MAX_BODY = 1024 * 1024;

    private PrometheusClient() {}

    /** The query result: {@code resultType} and rows of {@code labels} + {@code value} (double). */
    record Result(String resultType, List<Map<String, Object>> rows) {}

    @SuppressWarnings("unchecked")
    static Result query(URI base, String promql, Instant time, Duration timeout) {
        String url = base.toString().replaceAll("/+$", "") + "/api/v1/query?query="
                + URLEncoder.encode(promql, StandardCharsets.UTF_8)
                + (time == null ? "" : "&time=" + time.getEpochSecond());
        HttpResponse<byte[]> resp;
        try {
            resp = HTTP.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(timeout)
                            .GET()
                            .header("Accept", "application/json")
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new StepFailure(ErrorKind.TIMEOUT, "Prometheus did not answer within " + timeout.toSeconds() + "s");
        } catch (IOException e) {
            throw new StepFailure(ErrorKind.TRANSIENT, "Prometheus unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StepFailure(ErrorKind.TIMEOUT, "stopped at its deadline");
        }
        if (resp.body().length > MAX_BODY) {
            throw new StepFailure(ErrorKind.REFUSED, "Prometheus answer larger than " + MAX_BODY + " bytes");
        }
        Map<String, Object> body;
        try {
            body = (Map<String, Object>) Json.read(new String(resp.body(), StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new StepFailure(
                    resp.statusCode() >= 500 ? ErrorKind.TRANSIENT : ErrorKind.ERROR,
                    "Prometheus answered " + resp.statusCode() + " without JSON");
        }
        if (!"success".equals(body.get("status"))) {
            ErrorKind kind = resp.statusCode() >= 500 || resp.statusCode() == 429
                    ? ErrorKind.TRANSIENT
                    : "bad_data".equals(body.get("errorType")) ? ErrorKind.INVALID : ErrorKind.ERROR;
            throw new StepFailure(kind, "Prometheus: " + body.get("errorType") + ": " + body.get("error"));
        }
        Map<String, Object> data = (Map<String, Object>) body.get("data");
        String type = String.valueOf(data.get("resultType"));
        List<Map<String, Object>> rows = new ArrayList<>();
        Object result = data.get("result");
        switch (type) {
            case "scalar" -> rows.add(row(Map.of(), (List<Object>) result));
            case "vector" -> {
                for (Object o : (List<Object>) result) {
                    Map<String, Object> s = (Map<String, Object>) o;
                    rows.add(row((Map<String, Object>) s.get("metric"), (List<Object>) s.get("value")));
                }
            }
            default ->
                throw new StepFailure(
                        ErrorKind.INVALID,
                        "prometheus.query supports scalar and vector results," + " not " + type
                                + " (use an instant query without a range selector at the top)");
        }
        return new Result(type, rows);
    }

    private static Map<String, Object> row(Map<String, Object> labels, List<Object> sample) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("labels", labels == null ? Map.of() : labels);
        row.put("value", parse(String.valueOf(sample.get(1))));
        return row;
    }

    static double parse(String v) {
        return switch (v) {
            case "NaN" -> Double.NaN;
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(v);
        };
    }
}
