package dev.firebreak.paging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
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
import tools.jackson.databind.node.ObjectNode;

/**
 * Slack's Web API faked at the HTTP level, for the methods paging uses: {@code users.lookupByEmail},
 * {@code users.info}, {@code conversations.invite}, {@code chat.postMessage}. Requires the bot token.
 */
final class SlackStub extends Dispatcher implements AutoCloseable {

    static final String TOKEN = "xoxb-test-paging";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Call(String method, Map<String, String> params) {
    }

    private final MockWebServer server = new MockWebServer();
    private final Map<String, String> idsByEmail = new ConcurrentHashMap<>();
    private final Map<String, String> namesById = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    SlackStub() {
        server.setDispatcher(this);
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String apiUrl() {
        return server.url("/api/").toString();
    }

    void addUser(String id, String name, String email) {
        idsByEmail.put(email.toLowerCase(), id);
        namesById.put(id, name + "|" + email);
    }

    List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String method = request.getRequestUrl().pathSegments().get(request.getRequestUrl().pathSegments().size() - 1);
        Map<String, String> params = form(request.getBody().readString(StandardCharsets.UTF_8));
        request.getRequestUrl().queryParameterNames()
                .forEach(n -> params.put(n, request.getRequestUrl().queryParameter(n)));
        calls.add(new Call(method, params));
        if (!("Bearer " + TOKEN).equals(request.getHeader("Authorization"))) {
            return error("not_authed");
        }
        ObjectNode answer = JSON.createObjectNode().put("ok", true);
        switch (method) {
            case "users.lookupByEmail" -> {
                String id = idsByEmail.get(String.valueOf(params.get("email")).toLowerCase());
                if (id == null) {
                    return error("users_not_found");
                }
                user(answer, id);
            }
            case "users.info" -> {
                if (!namesById.containsKey(params.get("user"))) {
                    return error("user_not_found");
                }
                user(answer, params.get("user"));
            }
            case "conversations.invite" -> {
                if (params.get("channel") == null || params.get("users") == null) {
                    return error("invalid_arguments");
                }
                answer.putObject("channel").put("id", params.get("channel"));
            }
            case "auth.test" -> answer.put("team_id", "T1").put("user_id", "UBOT").put("bot_id", "BBOT");
            case "chat.postMessage" -> answer.put("channel", params.get("channel")).put("ts", "1700000000.000100");
            default -> {
                return error("unknown_method");
            }
        }
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(answer.toString());
    }

    private void user(ObjectNode answer, String id) {
        String[] nameEmail = namesById.get(id).split("\\|");
        ObjectNode user = answer.putObject("user");
        user.put("id", id).put("name", nameEmail[0]).put("real_name", nameEmail[0]);
        user.putObject("profile").put("email", nameEmail[1]).put("real_name", nameEmail[0]);
    }

    private static MockResponse error(String error) {
        return new MockResponse().setHeader("Content-Type", "application/json")
                .setBody("{\"ok\":false,\"error\":\"" + error + "\"}");
    }

    private static Map<String, String> form(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        if (body == null || body.isBlank() || body.startsWith("{")) {
            return params;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(k, v);
        }
        return params;
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }
}
