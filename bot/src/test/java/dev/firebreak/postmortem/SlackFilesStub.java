package dev.firebreak.postmortem;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A fake Slack at the HTTP level for files upload v2: {@code /api/files.getUploadURLExternal} hands out
 * {@code /upload/F<n>} on this server, which accepts the bytes, and {@code /api/files.completeUploadExternal}
 * shares them. Other Web API methods answer {@code {"ok":true}}. Responses can be scripted per path.
 */
final class SlackFilesStub extends Dispatcher {

    record Call(String path, Map<String, String> form, byte[] body, String contentType) {
        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    final MockWebServer server = new MockWebServer();
    final List<Call> calls = java.util.Collections.synchronizedList(new ArrayList<>());
    final Map<String, Deque<MockResponse>> scripted = new ConcurrentHashMap<>();
    final Map<String, byte[]> uploaded = new ConcurrentHashMap<>();
    private final AtomicInteger files = new AtomicInteger();

    SlackFilesStub() {
        server.setDispatcher(this);
        try {
            server.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String apiUrl() {
        return server.url("/api/").toString();
    }

    /** The next call to {@code path} answers with {@code response} (then back to normal). */
    void next(String path, MockResponse response) {
        scripted.computeIfAbsent(path, p -> new ConcurrentLinkedDeque<>()).add(response);
    }

    void reset() {
        calls.clear();
        scripted.clear();
        uploaded.clear();
        files.set(0);
    }

    List<Call> filesCalls() {
        synchronized (calls) {
            return calls.stream().filter(c -> c.path().startsWith("/api/files.") || c.path().startsWith("/upload/")).toList();
        }
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getPath() == null ? "" : request.getPath();
        int q = path.indexOf('?');
        String bare = q < 0 ? path : path.substring(0, q);
        byte[] body = request.getBody().readByteArray();
        String contentType = request.getHeader("Content-Type");
        Map<String, String> form = contentType != null && contentType.startsWith("application/x-www-form-urlencoded")
                ? form(new String(body, StandardCharsets.UTF_8)) : Map.of();
        calls.add(new Call(bare, form, body, contentType));
        Deque<MockResponse> script = scripted.get(bare);
        MockResponse next = script == null ? null : script.poll();
        if (next != null) {
            return next;
        }
        if (bare.equals("/api/files.getUploadURLExternal")) {
            String id = "F" + files.incrementAndGet();
            return json("{\"ok\":true,\"upload_url\":\"" + server.url("/upload/" + id) + "\",\"file_id\":\"" + id + "\"}");
        }
        if (bare.startsWith("/upload/")) {
            uploaded.put(bare.substring("/upload/".length()), body);
            return new MockResponse().setResponseCode(200).setBody("OK - " + body.length);
        }
        if (bare.equals("/api/files.completeUploadExternal")) {
            return json("{\"ok\":true,\"files\":[{\"id\":\"F1\",\"title\":\"x\"}]}");
        }
        return json("{\"ok\":true}");
    }

    static MockResponse json(String body) {
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json; charset=utf-8").setBody(body);
    }

    static Map<String, String> form(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }
}
