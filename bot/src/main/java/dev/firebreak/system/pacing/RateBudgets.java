package dev.firebreak.system.pacing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Client-side rate budgets shared by every replica through the database (table {@code rate_budget}, the only
 * shared thing). A budget is a token bucket kept as GCRA in one row: taking a slot is a single conditional
 * UPDATE, so two replicas never get the same slot. A caller without a slot is told when to ask again and is
 * expected to go away until then (an outbox task is rescheduled; no thread waits). Time is the injected
 * {@link Clock}, as for the outbox's leases. Runs outside transactions (auto-commit).
 */
@Component
public class RateBudgets {

    private static final long PURGE_EVERY_MS = Duration.ofMinutes(10).toMillis();
    private static final long IDLE_MS = Duration.ofHours(1).toMillis();
    /** How soon a caller that lost a race for a slot that looked free asks again. */
    private static final long RACE_PAUSE_MS = 20;

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final AtomicLong lastPurge = new AtomicLong();

    RateBudgets(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Takes one slot of {@code budget} if {@code priority} may have it now.
     *
     * @return empty when the call may go now, else the earliest time a slot may be had (ask again then)
     */
    public Optional<Instant> take(Budget budget, Priority priority) {
        long now = clock.instant().toEpochMilli();
        purgeNowAndThen(now);
        long interval = budget.interval().toMillis();
        long tolerance = (long) (budget.burst() - priority.reserve(budget.burst())) * interval;
        var params = new MapSqlParameterSource().addValue("key", budget.key()).addValue("now", now)
                .addValue("interval", interval).addValue("tolerance", tolerance);
        for (int attempt = 0; attempt < 2; attempt++) {
            int taken = jdbc.update("""
                    UPDATE rate_budget SET tat_ms = GREATEST(tat_ms, :now) + :interval
                    WHERE budget_key = :key AND held_until_ms <= :now
                      AND GREATEST(tat_ms, :now) + :interval - :now <= :tolerance
                    """, params);
            if (taken == 1) {
                return Optional.empty();
            }
            var row = jdbc.query("SELECT tat_ms, held_until_ms FROM rate_budget WHERE budget_key = :key", params,
                    (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)});
            if (row.isEmpty()) {
                jdbc.update("INSERT INTO rate_budget (budget_key, tat_ms, held_until_ms) VALUES (:key, 0, 0) "
                        + "ON CONFLICT DO NOTHING", params);
                continue;
            }
            long tat = row.get(0)[0];
            long held = row.get(0)[1];
            long next = Math.max(tat + interval - tolerance, held);
            return Optional.of(Instant.ofEpochMilli(Math.max(next, now + RACE_PAUSE_MS)));
        }
        return Optional.of(Instant.ofEpochMilli(now + RACE_PAUSE_MS));
    }

    /**
     * A slot of a one-call-at-a-time budget (one post per second per channel), held until {@link #release}: the
     * next call may start only {@code interval} after this one was answered, however long it took, so two calls
     * can never arrive closer together than the interval. {@code token} identifies this holder.
     */
    public record Slot(Instant notBefore, long token) {

        public boolean granted() {
            return notBefore == null;
        }
    }

    /**
     * Takes the budget's only slot if it is free, holding it for at most {@code longestCall} (a holder that dies
     * frees it then).
     */
    public Slot takeAlone(Budget budget, Duration longestCall) {
        long now = clock.instant().toEpochMilli();
        long until = now + longestCall.toMillis() + budget.interval().toMillis();
        var params = new MapSqlParameterSource().addValue("key", budget.key()).addValue("now", now)
                .addValue("until", until);
        for (int attempt = 0; attempt < 2; attempt++) {
            if (jdbc.update("UPDATE rate_budget SET tat_ms = :until "
                    + "WHERE budget_key = :key AND tat_ms <= :now AND held_until_ms <= :now", params) == 1) {
                return new Slot(null, until);
            }
            var row = jdbc.query("SELECT tat_ms, held_until_ms FROM rate_budget WHERE budget_key = :key", params,
                    (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)});
            if (row.isEmpty()) {
                jdbc.update("INSERT INTO rate_budget (budget_key, tat_ms, held_until_ms) VALUES (:key, 0, 0) "
                        + "ON CONFLICT DO NOTHING", params);
                continue;
            }
            long next = Math.max(row.get(0)[0], row.get(0)[1]);
            return new Slot(Instant.ofEpochMilli(Math.max(next, now + RACE_PAUSE_MS)), 0);
        }
        return new Slot(Instant.ofEpochMilli(now + RACE_PAUSE_MS), 0);
    }

    /**
     * Ends the hold of {@link #takeAlone}: the next slot is one interval after now ({@code called}) or now (the call
     * did not happen). Does nothing if the hold already expired and someone else holds the slot.
     */
    public void release(Budget budget, Slot slot, boolean called) {
        long now = clock.instant().toEpochMilli();
        jdbc.update("UPDATE rate_budget SET tat_ms = :next WHERE budget_key = :key AND tat_ms = :token",
                new MapSqlParameterSource().addValue("key", budget.key()).addValue("token", slot.token())
                        .addValue("next", called ? now + budget.interval().toMillis() : now));
    }

    /** Gives back a slot taken by {@link #take} for a call that did not happen after all. */
    public void giveBack(Budget budget) {
        jdbc.update("UPDATE rate_budget SET tat_ms = tat_ms - :interval WHERE budget_key = :key",
                new MapSqlParameterSource().addValue("key", budget.key())
                        .addValue("interval", budget.interval().toMillis()));
    }

    /** The vendor answered 429 for this budget: nobody, on any replica, takes a slot before {@code until}. */
    public void holdUntil(String key, Instant until) {
        var params = new MapSqlParameterSource().addValue("key", key).addValue("until", until.toEpochMilli());
        int rows = jdbc.update("UPDATE rate_budget SET held_until_ms = GREATEST(held_until_ms, :until) WHERE budget_key = :key",
                params);
        if (rows == 0) {
            jdbc.update("INSERT INTO rate_budget (budget_key, tat_ms, held_until_ms) VALUES (:key, 0, :until) "
                    + "ON CONFLICT DO NOTHING", params);
            jdbc.update("UPDATE rate_budget SET held_until_ms = GREATEST(held_until_ms, :until) WHERE budget_key = :key",
                    params);
        }
    }

    /** When the budget is held after a 429, or empty. */
    public Optional<Instant> heldUntil(String key) {
        var held = jdbc.query("SELECT held_until_ms FROM rate_budget WHERE budget_key = :key",
                new MapSqlParameterSource("key", key), (rs, i) -> rs.getLong(1));
        long now = clock.instant().toEpochMilli();
        return held.stream().filter(h -> h > now).findFirst().map(Instant::ofEpochMilli);
    }

    private void purgeNowAndThen(long now) {
        long last = lastPurge.get();
        if (now - last >= PURGE_EVERY_MS && lastPurge.compareAndSet(last, now)) {
            jdbc.update("DELETE FROM rate_budget WHERE tat_ms < :cutoff AND held_until_ms < :cutoff",
                    new MapSqlParameterSource("cutoff", now - IDLE_MS));
        }
    }
}
