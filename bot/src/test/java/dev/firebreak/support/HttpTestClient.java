package dev.firebreak.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tiny HTTP client for integration tests: {@code java.net.http} against the app's random port, with an
 * optional {@code Authorization} header. Responses carry the parsed JSON body when there is one.
 */
public final class HttpTestClient {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final String authorization;

    private HttpTestClient(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    public static HttpTestClient on(int port) {
        return new HttpTestClient("http://127.0.0.1:" + port, null);
    }

    /** The same client sending {@code Authorization: Bearer <token>}. */
    public HttpTestClient bearer(String token) {
        return new HttpTestClient(base, "Bearer " + token);
    }

    /** The same client sending this exact {@code Authorization} header value (null: none). */
    public HttpTestClient authorization(String headerValue) {
        return new HttpTestClient(base, headerValue);
    }

    public Response get(String path) {
        return send(builder(path).GET());
    }

    public Response post(String path, String json) {
        return send(path, "POST", "application/json", json);
    }

    public Response patch(String path, String json) {
        return send(path, "PATCH", "application/json", json);
    }

    public Response send(String path, String method, String contentType, String body) {
        HttpRequest.Builder b = builder(path).method(method, HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b);
    }

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(15));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b;
    }

    private Response send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response: status, headers, raw body and (lazily) the JSON tree. */
    public static final class Response {
        private final HttpResponse<String> raw;

        Response(HttpResponse<String> raw) {
            this.raw = raw;
        }

        public int status() {
            return raw.statusCode();
        }

        public String body() {
            return raw.body();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public JsonNode json() {
            return JSON.readTree(raw.body());
        }

        @Override
        public String toString() {
            return raw.statusCode() + " " + raw.body();
        }
    }
}
