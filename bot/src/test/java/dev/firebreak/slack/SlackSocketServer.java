package dev.firebreak.slack;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Slack's side of Socket Mode on 127.0.0.1 (a random port): greets every connection with {@code hello}, sends the
 * envelopes a test gives it to the current connection, records what the app sends back (the {@code envelope_id}
 * acknowledgements), and can drop every connection as Slack does when it rotates them. {@link FakeSlack}'s
 * {@code apps.connections.open} answers {@link #url()}.
 */
final class SlackSocketServer extends WebSocketServer implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CountDownLatch started = new CountDownLatch(1);
    private final List<WebSocket> opened = new CopyOnWriteArrayList<>();
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();

    SlackSocketServer() {
        super(new InetSocketAddress("127.0.0.1", 0));
        setReuseAddr(true);
        start();
        try {
            if (!started.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("WebSocket server did not start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The URL {@code apps.connections.open} hands out. */
    String url() {
        return "ws://127.0.0.1:" + getPort() + "/link/?ticket=test-ticket";
    }

    /** Connections made so far, including closed ones. */
    int connectionsMade() {
        return opened.size();
    }

    /** Connections open now. */
    long openConnections() {
        return opened.stream().filter(WebSocket::isOpen).count();
    }

    /** Whether the latest connection is open. */
    boolean connected() {
        return !opened.isEmpty() && opened.get(opened.size() - 1).isOpen();
    }

    /** Sends one envelope on the latest connection. */
    void send(String type, String envelopeId, Object payload, boolean acceptsResponsePayload) {
        WebSocket current = opened.get(opened.size() - 1);
        current.send(JSON.writeValueAsString(java.util.Map.of(
                "envelope_id",
                envelopeId,
                "type",
                type,
                "payload",
                payload,
                "accepts_response_payload",
                acceptsResponsePayload,
                "retry_attempt",
                0,
                "retry_reason",
                "")));
    }

    /** What the app sent back for this envelope (its acknowledgement), if it did. */
    List<JsonNode> acknowledgements(String envelopeId) {
        return received.stream()
                .filter(m -> envelopeId.equals(m.path("envelope_id").asString(null)))
                .toList();
    }

    /** Closes every connection from Slack's side (as on a refresh or a network cut). */
    void dropAll() {
        opened.forEach(c -> c.close(1001, "going away"));
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        opened.add(conn);
        conn.send("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"applink-test\","
                + "\"build_number\":1,\"approximate_connection_time\":3600},\"connection_info\":{\"app_id\":\"A1\"}}");
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        received.add(JSON.readTree(message));
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {}

    @Override
    public void onError(WebSocket conn, Exception ex) {}

    @Override
    public void close() throws InterruptedException {
        stop(1000);
    }
}
