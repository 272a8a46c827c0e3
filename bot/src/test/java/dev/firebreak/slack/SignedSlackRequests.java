package dev.firebreak.slack;

import dev.firebreak.slack.bolt.SlackSignatureVerifier;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/** Builds and sends requests the way Slack does: form or JSON bodies signed with the signing secret. */
public class SignedSlackRequests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String secret;
    private final int port;

    public SignedSlackRequests(String secret, int port) {
        this.secret = secret;
        this.port = port;
    }

    public static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    public static Map<String, String> slashCommand(
            String command, String text, String channelId, String userId, String responseUrl) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("token", "legacy-verification-token");
        f.put("team_id", "T1");
        f.put("team_domain", "firebreak-test");
        f.put("channel_id", channelId);
        f.put("channel_name", "inc-test");
        f.put("user_id", userId);
        f.put("user_name", "alice");
        f.put("command", command);
        f.put("text", text);
        f.put("api_app_id", "A1");
        f.put("response_url", responseUrl);
        f.put("trigger_id", "13345224609.738474920.8088930838d88f008e0");
        return f;
    }

    /** Sends a body signed for "now". */
    public HttpResponse<String> send(String body, String contentType) throws Exception {
        return send(body, contentType, Instant.now().getEpochSecond(), Map.of());
    }

    public HttpResponse<String> send(String body, String contentType, long timestamp, Map<String, String> headers)
            throws Exception {
        String ts = Long.toString(timestamp);
        return raw(
                body,
                contentType,
                ts,
                SlackSignatureVerifier.sign(secret, ts, body.getBytes(StandardCharsets.UTF_8)),
                headers);
    }

    /** Sends with the given (possibly wrong or missing) timestamp and signature headers. */
    public HttpResponse<String> raw(
            String body, String contentType, String timestamp, String signature, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (timestamp != null) {
            b.header("X-Slack-Request-Timestamp", timestamp);
        }
        if (signature != null) {
            b.header("X-Slack-Signature", signature);
        }
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
