package dev.firebreak.watchdog;

import dev.firebreak.alerting.WatchdogSettings;
import dev.firebreak.alerting.Watchdogs;
import dev.firebreak.alerting.Watchdogs.Watchdog;
import dev.firebreak.paging.PagerDutySettings;
import dev.firebreak.system.outbox.Outbox;
import dev.firebreak.system.scheduling.JobLeases;
import dev.firebreak.watchdog.WatchdogTasks.WatchdogTask;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every {@code firebreak.watchdog.check-interval}, on the one replica that holds the {@code watchdog-check} job lease:
 * a watchdog without a heartbeat for {@code firebreak.watchdog.timeout} pages PagerDuty (through the outbox, in the
 * same transaction as the state change), and a silent watchdog whose heartbeats came back resolves that page. The
 * state changes are conditional updates, so even two overlapping runs page once. Every replica refreshes the
 * {@code firebreak_watchdog_*} gauges.
 */
@Component
public class WatchdogCheck {

    static final String JOB = "watchdog-check";
    private static final Logger log = LoggerFactory.getLogger(WatchdogCheck.class);

    private final WatchdogSettings settings;
    private final PagerDutySettings pagerDuty;
    private final Watchdogs watchdogs;
    private final JobLeases leases;
    private final Outbox outbox;
    private final TransactionTemplate tx;
    private final WatchdogGauges gauges;
    private final Clock clock;

    WatchdogCheck(
            WatchdogSettings settings,
            PagerDutySettings pagerDuty,
            Watchdogs watchdogs,
            JobLeases leases,
            Outbox outbox,
            TransactionTemplate tx,
            WatchdogGauges gauges,
            Clock clock) {
        this.settings = settings;
        this.pagerDuty = pagerDuty;
        this.watchdogs = watchdogs;
        this.leases = leases;
        this.outbox = outbox;
        this.tx = tx;
        this.gauges = gauges;
        this.clock = clock;
        if (settings.enabled() && WatchdogTasks.routingKey(settings, pagerDuty) == null) {
            log.warn("Watchdog heartbeats are recorded, but a silent watchdog pages nobody: set "
                    + "firebreak.watchdog.routing-key (or firebreak.pagerduty.routing.default-routing-key)");
        }
    }

    @Scheduled(
            fixedDelayString = "${firebreak.watchdog.check-interval:30s}",
            initialDelayString = "${firebreak.watchdog.check-interval:30s}")
    void scheduled() {
        try {
            check();
        } catch (RuntimeException e) {
            log.warn("Watchdog check failed, retrying on the next tick: {}", e.toString());
        }
    }

    /** One run of the check; true if this replica held the lease and checked. */
    public boolean check() {
        if (!settings.enabled()) {
            return false;
        }
        List<Watchdog> all = watchdogs.all();
        gauges.update(all);
        if (WatchdogTasks.routingKey(settings, pagerDuty) == null
                || !leases.claimEvery(JOB, settings.checkInterval())) {
            return false;
        }
        Instant now = clock.instant();
        Instant cutoff = now.minus(settings.timeout());
        for (Watchdog w : all) {
            if (w.missingSince() == null && w.lastHeartbeatAt().isBefore(cutoff)) {
                tx.executeWithoutResult(s -> watchdogs
                        .markSilent(w.name(), cutoff, now)
                        .ifPresent(episode -> {
                            log.warn(
                                    "Watchdog {} silent since {} (timeout {}): paging PagerDuty",
                                    w.name(),
                                    w.lastHeartbeatAt(),
                                    settings.timeout());
                            outbox.enqueue(
                                    WatchdogTasks.TRIGGER,
                                    WatchdogTasks.queue(w.name()),
                                    "watchdog:trigger:" + w.name() + ":" + episode,
                                    null,
                                    task(w, episode, now));
                        }));
            } else if (w.missingSince() != null && w.lastHeartbeatAt().isAfter(w.missingSince())) {
                tx.executeWithoutResult(s -> watchdogs.markBack(w.name()).ifPresent(episode -> {
                    log.info(
                            "Watchdog {} is back (heartbeat at {}): resolving its page", w.name(), w.lastHeartbeatAt());
                    outbox.enqueue(
                            WatchdogTasks.RESOLVE,
                            WatchdogTasks.queue(w.name()),
                            "watchdog:resolve:" + w.name() + ":" + episode,
                            null,
                            task(w, episode, w.missingSince()));
                }));
            }
        }
        gauges.update(watchdogs.all());
        return true;
    }

    private WatchdogTask task(Watchdog w, int episode, Instant silentSince) {
        return new WatchdogTask(
                w.name(),
                episode,
                w.labels(),
                w.lastHeartbeatAt(),
                silentSince,
                settings.timeout().toString().substring(2).toLowerCase(java.util.Locale.ROOT));
    }
}
