package dev.firebreak.alerting;

import dev.firebreak.alerting.AlertmanagerNotification.Alert;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The intake side of the dead man's switch: takes the Watchdog alerts ({@link WatchdogSettings#matches}) out of a
 * notification before it becomes an incident. A firing one records a heartbeat (shared by all replicas, in the
 * database); a resolved one is dropped. Whatever else the notification carries is ingested as usual.
 */
@Component
class WatchdogHeartbeats {

    /** The webhook's answer when a notification held only Watchdog alerts. */
    record Answer(String outcome, int alerts) {}

    private final WatchdogSettings settings;
    private final Watchdogs watchdogs;
    private final Clock clock;
    private final Counter heartbeats;

    WatchdogHeartbeats(WatchdogSettings settings, Watchdogs watchdogs, Clock clock, MeterRegistry meters) {
        this.settings = settings;
        this.watchdogs = watchdogs;
        this.clock = clock;
        this.heartbeats = Counter.builder("firebreak.watchdog.heartbeats")
                .description("Firing Watchdog alerts received (dead man's switch heartbeats)")
                .register(meters);
    }

    /** Records the heartbeats in {@code n}; returns the rest of it to ingest, or empty if nothing else is left. */
    Optional<AlertmanagerNotification> absorb(AlertmanagerNotification n) {
        if (!settings.enabled()) {
            return Optional.of(n);
        }
        List<Alert> beats =
                n.alerts().stream().filter(a -> settings.matches(a.labels())).toList();
        if (beats.isEmpty()) {
            return Optional.of(n);
        }
        Instant now = clock.instant();
        for (Alert beat : beats) {
            if (beat.isFiring()) {
                watchdogs.heartbeat(Watchdogs.name(beat.labels()), beat.labels(), now);
                heartbeats.increment();
            }
        }
        List<Alert> rest = n.alerts().stream().filter(a -> !beats.contains(a)).toList();
        if (rest.isEmpty()) {
            return Optional.empty();
        }
        boolean resolved = n.truncatedAlerts() == 0 && rest.stream().noneMatch(Alert::isFiring);
        return Optional.of(new AlertmanagerNotification(
                n.receiver(),
                resolved ? AlertmanagerNotification.RESOLVED : n.status(),
                n.groupKey(),
                n.externalUrl(),
                n.truncatedAlerts(),
                n.groupLabels(),
                n.commonLabels(),
                n.commonAnnotations(),
                rest));
    }
}
