package dev.firebreak.slack;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * A minimal Slack Web API at the HTTP level (MockWebServer), for the inbound-side tests: it answers the
 * methods the interaction code calls with Slack's wire format, serves {@code response_url}s under
 * {@code /response/...}, and records every request. Unknown methods answer {@code {"ok":true}}.
 */
public class SlackWebApiStub {

    /** One request as received. */
    public record Call(String path, String authorization, Map<String, String> form, String body) {
        public String method() {
            return path.startsWith("/api/") ? path.substring(5) : path;
        }
    }

    /** A message that conversations.history will return. */
    public record StoredMessage(String channel, String ts, String user, String botId, String text, boolean threadReply) {
    }

    public static final String BOT_USER_ID = "UBOT";
    public static final String BOT_ID = "BBOT";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MockWebServer server = new MockWebServer();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, StoredMessage> messages = new ConcurrentHashMap<>();

    public SlackWebApiStub() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request);
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Web API base URL for {@code firebreak.slack.api-url}. */
    public String apiUrl() {
        return server.url("/api/").toString();
    }

    /** A response_url that this stub accepts and records. */
    public String responseUrl(String id) {
        return server.url("/response/" + id).toString();
    }

    public void message(String channel, String ts, String user, String text) {
        messages.put(channel + ":" + ts, new StoredMessage(channel, ts, user, null, text, false));
    }

    /** A reply inside a thread: not in conversations.history, only in conversations.replies. */
    public void threadReply(String channel, String ts, String user, String text) {
        messages.put(channel + ":" + ts, new StoredMessage(channel, ts, user, null, text, true));
    }

    public void botMessage(String channel, String ts, String text) {
        messages.put(channel + ":" + ts, new StoredMessage(channel, ts, BOT_USER_ID, BOT_ID, text, false));
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    /** JSON bodies posted to one response_url. */
    public List<Map<String, Object>> responses(String id) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Call c : calls) {
            if (c.path().equals("/response/" + id)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = JSON.readValue(c.body(), Map.class);
                out.add(m);
            }
        }
        return out;
    }

    private MockResponse answer(RecordedRequest request) {
        String path = request.getPath() == null ? "" : request.getPath();
        int q = path.indexOf('?');
        String cleanPath = q < 0 ? path : path.substring(0, q);
        String body = request.getBody().readUtf8();
        Map<String, String> form = form(request.getHeader("Content-Type"), body);
        calls.add(new Call(cleanPath, request.getHeader("Authorization"), form, body));
        if (cleanPath.startsWith("/response/")) {
            return new MockResponse().setBody("ok");
        }
        String method = cleanPath.startsWith("/api/") ? cleanPath.substring(5) : cleanPath;
        return json(switch (method) {
            case "auth.test" -> Map.of("ok", true, "url", "https://firebreak-test.slack.com/", "team", "Test",
                    "user", "firebreak", "team_id", "T1", "user_id", BOT_USER_ID, "bot_id", BOT_ID);
            case "chat.postMessage" -> Map.of("ok", true, "channel", form.getOrDefault("channel", "C0"),
                    "ts", "1700000000.000100", "message", Map.of("type", "message", "text", form.getOrDefault("text", "")));
            case "views.open" -> Map.of("ok", true, "view", Map.of("id", "V123", "type", "modal"));
            case "conversations.history" -> history(form, false);
            case "conversations.replies" -> history(form, true);
            case "chat.getPermalink" -> Map.of("ok", true, "channel", form.getOrDefault("channel", ""),
                    "permalink", "https://firebreak-test.slack.com/archives/" + form.getOrDefault("channel", "")
                            + "/p" + form.getOrDefault("message_ts", "").replace(".", ""));
            case "users.info" -> Map.of("ok", true, "user", Map.of("id", form.getOrDefault("user", ""),
                    "name", "alice", "real_name", "Alice Example",
                    "profile", Map.of("real_name", "Alice Example", "display_name", "alice")));
            case "conversations.create" -> Map.of("ok", true, "channel", Map.of("id", "CSTUB" + calls.size(),
                    "name", form.getOrDefault("name", "inc")));
            case "apps.connections.open" -> Map.of("ok", false, "error", "invalid_auth");
            default -> Map.of("ok", true);
        });
    }

    private Map<String, Object> history(Map<String, String> form, boolean replies) {
        String channel = form.getOrDefault("channel", "");
        String ts = replies ? form.getOrDefault("ts", "") : form.getOrDefault("latest", "");
        StoredMessage m = messages.get(channel + ":" + ts);
        List<Object> list = new ArrayList<>();
        if (m != null && (replies || !m.threadReply())) {
            Map<String, Object> msg = new LinkedHashMap<>();
            msg.put("type", "message");
            msg.put("ts", m.ts());
            msg.put("user", m.user());
            if (m.botId() != null) {
                msg.put("bot_id", m.botId());
            }
            msg.put("text", m.text());
            list.add(msg);
        }
        return Map.of("ok", true, "messages", list, "has_more", false);
    }

    private static MockResponse json(Object body) {
        return new MockResponse().setHeader("Content-Type", "application/json; charset=utf-8")
                .setBody(JSON.writeValueAsString(body));
    }

    private static Map<String, String> form(String contentType, String body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (contentType == null || !contentType.startsWith("application/x-www-form-urlencoded") || body.isEmpty()) {
            return form;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }
}
