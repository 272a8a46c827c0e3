package dev.firebreak.watchdog;

import dev.firebreak.alerting.Watchdogs.Watchdog;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code firebreak_watchdog_last_heartbeat_seconds{watchdog}} (Unix time of the last heartbeat) and
 * {@code firebreak_watchdog_silent{watchdog}} (1 while the silence is paged), read from the database on every
 * check tick; every replica reports the same values.
 */
@Component
class WatchdogGauges {

    private final MultiGauge lastHeartbeat;
    private final MultiGauge silent;

    WatchdogGauges(MeterRegistry meters) {
        this.lastHeartbeat = MultiGauge.builder("firebreak.watchdog.last.heartbeat")
                .baseUnit("seconds")
                .description("Unix time of the last Watchdog heartbeat received through Alertmanager")
                .register(meters);
        this.silent = MultiGauge.builder("firebreak.watchdog.silent")
                .description("1 while a watchdog is silent for longer than firebreak.watchdog.timeout and paged")
                .register(meters);
    }

    void update(List<Watchdog> watchdogs) {
        lastHeartbeat.register(
                watchdogs.stream()
                        .map(w -> MultiGauge.Row.of(
                                Tags.of("watchdog", w.name()),
                                w.lastHeartbeatAt().toEpochMilli() / 1000.0))
                        .toList(),
                true);
        silent.register(
                watchdogs.stream()
                        .map(w -> MultiGauge.Row.of(Tags.of("watchdog", w.name()), w.missingSince() == null ? 0 : 1))
                        .toList(),
                true);
    }
}
