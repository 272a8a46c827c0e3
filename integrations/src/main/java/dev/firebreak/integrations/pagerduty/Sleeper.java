package dev.firebreak.integrations.pagerduty;

import java.time.Duration;

/** How the client waits between retries; tests inject a recording sleeper so nothing waits for real. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    /** Sleeps on the calling thread. */
    static Sleeper system() {
        return duration -> Thread.sleep(Math.max(0, duration.toMillis()));
    }
}
