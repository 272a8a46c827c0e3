package dev.firebreak.slack.bolt;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Socket Mode: the same Bolt {@link App} fed over a WebSocket that this process opens to Slack, for
 * clusters without public ingress. Started and stopped with the application; connecting (which calls
 * {@code apps.connections.open} with the app token) runs in the background and is retried with backoff,
 * so Slack being unreachable never blocks startup.
 */
public class SlackSocketMode implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SlackSocketMode.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(2);
    private static final Duration MAX_RETRY = Duration.ofMinutes(1);

    private final App app;
    private final String appToken;
    private volatile boolean running;
    private volatile SocketModeApp socketModeApp;
    private volatile int attempts;
    private Thread connector;

    SlackSocketMode(App app, String appToken) {
        this.app = app;
        this.appToken = appToken;
    }

    /** The WebSocket backend used (Java-WebSocket: no extra container dependency). */
    public SocketModeClient.Backend backend() {
        return SocketModeClient.Backend.JavaWebSocket;
    }

    /** Connection attempts so far (for health and tests). */
    public int attempts() {
        return attempts;
    }

    public boolean connected() {
        SocketModeApp current = socketModeApp;
        return current != null && current.getClient() != null && !current.isClientStopped();
    }

    @Override
    public void start() {
        running = true;
        connector = new Thread(this::connect, "slack-socket-mode");
        connector.setDaemon(true);
        connector.start();
    }

    private void connect() {
        Duration wait = FIRST_RETRY;
        while (running) {
            attempts++;
            try {
                SocketModeApp candidate = new SocketModeApp(appToken, backend(), app);
                candidate.startAsync();
                socketModeApp = candidate;
                log.info("Slack Socket Mode connected");
                return;
            } catch (Exception e) {
                log.warn("Slack Socket Mode connection failed (retrying in {}s): {}", wait.toSeconds(), e.getMessage());
            }
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            wait = wait.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : wait.multipliedBy(2);
        }
    }

    @Override
    public void stop() {
        running = false;
        if (connector != null) {
            connector.interrupt();
        }
        SocketModeApp current = socketModeApp;
        if (current != null) {
            try {
                current.close();
            } catch (Exception e) {
                log.debug("Socket Mode close: {}", e.toString());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
