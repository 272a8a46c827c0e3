package dev.firebreak.watchdog;

import dev.firebreak.alerting.WatchdogSettings;
import dev.firebreak.paging.PagerDutySettings;
import java.time.Instant;

/** Outbox task kinds, keys and payload of the dead man's switch, and the PagerDuty routing key it pages. */
final class WatchdogTasks {

    static final String TRIGGER = "pagerduty.watchdog-trigger";
    static final String RESOLVE = "pagerduty.watchdog-resolve";

    private WatchdogTasks() {}

    /** Trigger and resolve of one watchdog run in order. */
    static String queue(String watchdog) {
        return "pagerduty-watchdog:" + watchdog;
    }

    /** PagerDuty dedup key: one alert per watchdog, so a resolve closes the trigger (the client cuts long keys). */
    static String dedupKey(String watchdog) {
        return "firebreak-watchdog-" + watchdog;
    }

    /** The watchdog's own routing key, else the default routing key of {@code firebreak.pagerduty.routing}. */
    static String routingKey(WatchdogSettings watchdog, PagerDutySettings pagerDuty) {
        if (watchdog.routingKey() != null && !watchdog.routingKey().isBlank()) {
            return watchdog.routingKey();
        }
        String fallback = pagerDuty.routing().defaultRoutingKey();
        return fallback == null || fallback.isBlank() ? null : fallback;
    }

    /** A silence of one watchdog (episode = how many silences it has had), paged or resolved. */
    record WatchdogTask(
            String watchdog,
            int episode,
            String labels,
            Instant lastHeartbeatAt,
            Instant silentSince,
            String timeout) {}
}
