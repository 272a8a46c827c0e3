package dev.firebreak.system.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Outbox health, per target (the part of a task kind before the first dot: {@code slack}, {@code pagerduty},
 * {@code postmortem}, ...):
 * <ul>
 *   <li>{@code firebreak_outbox_pending_tasks} — tasks waiting (due or scheduled later);</li>
 *   <li>{@code firebreak_outbox_oldest_due_task_age_seconds} — how long the oldest due task has waited;</li>
 *   <li>{@code firebreak_outbox_dead_tasks} — tasks that will not run again (status FAILED or DEAD);</li>
 *   <li>{@code firebreak_outbox_attempts_total{target,kind,outcome}} — handler runs (done, retry, failed);</li>
 *   <li>{@code firebreak_outbox_lease_takeovers_total} — tasks claimed after another worker's lease expired.</li>
 * </ul>
 * The gauges read the database (one grouped query, at most every {@link #REFRESH}); every replica reports
 * the same values, so dashboards take {@code max} across instances.
 */
@Component
class OutboxMetrics {

    static final Duration REFRESH = Duration.ofSeconds(5);
    static final Set<String> DEAD_STATUSES = Set.of("FAILED", "DEAD");
    private static final Logger log = LoggerFactory.getLogger(OutboxMetrics.class);

    private record Totals(long pending, Instant oldestDue, long dead) {}

    private final OutboxStore store;
    private final MeterRegistry meters;
    private final Clock clock;
    private volatile Map<String, Totals> snapshot = Map.of();
    private volatile long refreshedAtNanos = System.nanoTime() - REFRESH.toNanos() - 1;

    OutboxMetrics(OutboxStore store, List<OutboxHandler> handlers, MeterRegistry meters, Clock clock) {
        this.store = store;
        this.meters = meters;
        this.clock = clock;
        Set<String> targets = new TreeSet<>(List.of("slack", "pagerduty", "postmortem"));
        handlers.forEach(h -> targets.add(target(h.kind())));
        for (String target : targets) {
            Gauge.builder(
                            "firebreak.outbox.pending.tasks",
                            this,
                            m -> m.totals(target).pending())
                    .tag("target", target)
                    .description("Outbox tasks waiting to run (due now or scheduled later)")
                    .register(meters);
            Gauge.builder("firebreak.outbox.oldest.due.task.age", this, m -> m.oldestDueAgeSeconds(target))
                    .tag("target", target)
                    .baseUnit("seconds")
                    .description("How long the oldest due outbox task has been waiting; 0 when none is due")
                    .register(meters);
            Gauge.builder(
                            "firebreak.outbox.dead.tasks",
                            this,
                            m -> m.totals(target).dead())
                    .tag("target", target)
                    .description("Outbox tasks that failed permanently and will not run again")
                    .register(meters);
            Counter.builder("firebreak.outbox.lease.takeovers")
                    .tag("target", target)
                    .description(
                            "Outbox tasks claimed after another worker's lease expired (that worker died or stalled)")
                    .register(meters);
        }
    }

    static String target(String kind) {
        int dot = kind.indexOf('.');
        return dot < 0 ? kind : kind.substring(0, dot);
    }

    void attempt(String kind, String outcome) {
        Counter.builder("firebreak.outbox.attempts")
                .tag("target", target(kind))
                .tag("kind", kind)
                .tag("outcome", outcome)
                .description("Outbox handler runs by outcome (done, retry, failed)")
                .register(meters)
                .increment();
    }

    void takeover(String kind) {
        Counter.builder("firebreak.outbox.lease.takeovers")
                .tag("target", target(kind))
                .description("Outbox tasks claimed after another worker's lease expired (that worker died or stalled)")
                .register(meters)
                .increment();
    }

    /** The next read queries the database again (tests). */
    void invalidate() {
        refreshedAtNanos = System.nanoTime() - REFRESH.toNanos() - 1;
    }

    private double oldestDueAgeSeconds(String target) {
        Instant oldest = totals(target).oldestDue();
        return oldest == null
                ? 0
                : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
    }

    private Totals totals(String target) {
        return current().getOrDefault(target, new Totals(0, null, 0));
    }

    private synchronized Map<String, Totals> current() {
        if (System.nanoTime() - refreshedAtNanos < REFRESH.toNanos()) {
            return snapshot;
        }
        try {
            Map<String, Totals> next = new HashMap<>();
            for (OutboxStore.Backlog row : store.backlog(clock.instant())) {
                String status = row.status().toUpperCase(Locale.ROOT);
                Totals add = new Totals(
                        status.equals(OutboxTask.PENDING) ? row.tasks() : 0,
                        row.oldestDue(),
                        DEAD_STATUSES.contains(status) ? row.tasks() : 0);
                next.merge(
                        target(row.kind()),
                        add,
                        (a, b) -> new Totals(
                                a.pending() + b.pending(),
                                a.oldestDue() == null
                                        ? b.oldestDue()
                                        : b.oldestDue() == null || a.oldestDue().isBefore(b.oldestDue())
                                                ? a.oldestDue()
                                                : b.oldestDue(),
                                a.dead() + b.dead()));
            }
            snapshot = Map.copyOf(next);
        } catch (RuntimeException e) {
            log.debug("Outbox gauges not refreshed: {}", e.toString());
        }
        refreshedAtNanos = System.nanoTime();
        return snapshot;
    }
}
