package dev.firebreak.slack.bolt;

import com.slack.api.bolt.App;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Starts Bolt with the application (it checks the bot token with {@code auth.test}). A Slack outage at
 * boot must not stop incidents from being opened, so a failed start is logged and Bolt starts again
 * lazily on the first request.
 */
class SlackAppLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SlackAppLifecycle.class);

    private final App app;
    private volatile boolean running;

    SlackAppLifecycle(App app) {
        this.app = app;
    }

    @Override
    public void start() {
        try {
            app.start();
        } catch (RuntimeException e) {
            log.warn("Slack app did not start (will retry on the first request): {}", e.getMessage());
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        try {
            app.stop();
        } catch (RuntimeException e) {
            log.debug("Slack app stop: {}", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
