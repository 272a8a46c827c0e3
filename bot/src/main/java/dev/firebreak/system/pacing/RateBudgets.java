package dev.firebreak.system.pacing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Client-side rate budgets shared by every replica through the database (tables {@code rate_budget} and
 * {@code rate_reservation}, the only shared thing). A budget is a token bucket kept as GCRA in one row: taking a
 * slot is a single conditional UPDATE, so two replicas never get the same slot. A caller without a slot is told when
 * to come back and goes away until then (an outbox task is rescheduled; no thread waits). A caller that names itself
 * ({@code holder}, e.g. its outbox task) is promised a slot in turn: the slot is paid for at once, the caller comes
 * back exactly then and goes without asking again, so waiting callers do not all wake at every free slot. Time is the
 * injected {@link Clock}, as for the outbox's leases. Runs outside the caller's transactions.
 */
@Component
public class RateBudgets {

    private static final long PURGE_EVERY_MS = Duration.ofMinutes(10).toMillis();
    private static final long IDLE_MS = Duration.ofHours(1).toMillis();
    /** How soon a caller that lost a race for a slot that looked free asks again. */
    private static final long RACE_PAUSE_MS = 20;

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final AtomicLong lastPurge = new AtomicLong();

    RateBudgets(NamedParameterJdbcTemplate jdbc, Clock clock, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.tx = tx;
    }

    /** As {@link #take(Budget, Priority, String)} for a caller that polls (no promised slot). */
    public Optional<Instant> take(Budget budget, Priority priority) {
        return take(budget, priority, null);
    }

    /**
     * Takes one slot of {@code budget} if {@code priority} may have it now, or the slot promised to {@code holder}
     * once its time has come.
     *
     * @param holder who waits for a promised slot (null: nobody; the caller polls)
     * @return empty when the call may go now, else when to come back
     */
    public Optional<Instant> take(Budget budget, Priority priority, String holder) {
        long now = now();
        purgeNowAndThen(now);
        if (holder != null) {
            Optional<Long> promised = promised(budget.key(), holder);
            if (promised.isPresent()) {
                if (promised.get() > now) {
                    return Optional.of(Instant.ofEpochMilli(promised.get()));
                }
                forget(budget.key(), holder);
                return Optional.empty();
            }
        }
        long interval = budget.interval().toMillis();
        long tolerance = (long) (budget.burst() - priority.reserve(budget.burst())) * interval;
        var params = new MapSqlParameterSource()
                .addValue("key", budget.key())
                .addValue("now", now)
                .addValue("interval", interval)
                .addValue("tolerance", tolerance);
        String take = """
                UPDATE rate_budget SET tat_ms = GREATEST(tat_ms, :now) + :interval
                WHERE budget_key = :key AND held_until_ms <= :now
                  AND GREATEST(tat_ms, :now) + :interval - :now <= :tolerance
                """;
        int taken = jdbc.update(take, params);
        if (taken == 0 && ensureRow(params)) {
            taken = jdbc.update(take, params);
        }
        if (taken == 1) {
            return Optional.empty();
        }
        long[] current = row(params);
        if (current == null) {
            // The row another replica is creating at this moment is not visible yet (H2 lets a concurrent
            // ON CONFLICT DO NOTHING pass before the other insert commits): ask again in a moment.
            return Optional.of(Instant.ofEpochMilli(now + RACE_PAUSE_MS));
        }
        if (holder == null) {
            long next = Math.max(current[0] + interval - tolerance, current[1]);
            return Optional.of(Instant.ofEpochMilli(Math.max(next, now + RACE_PAUSE_MS)));
        }
        // Book the next slot in turn for this holder: it is paid for now, and the holder comes back exactly then.
        Long slot = tx.execute(s -> {
            long[] row = jdbc.query(
                            "SELECT tat_ms, held_until_ms FROM rate_budget WHERE budget_key = :key FOR UPDATE",
                            params,
                            (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)})
                    .get(0);
            long tat = Math.max(row[0], now) + interval;
            jdbc.update(
                    "UPDATE rate_budget SET tat_ms = :tat WHERE budget_key = :key",
                    new MapSqlParameterSource(params.getValues()).addValue("tat", tat));
            long at = Math.max(Math.max(tat - tolerance, row[1]), now + RACE_PAUSE_MS);
            promise(budget.key(), holder, at);
            return at;
        });
        return Optional.of(Instant.ofEpochMilli(slot));
    }

    /** Gives back a slot taken by {@link #take} for a call that did not happen after all. */
    public void giveBack(Budget budget) {
        jdbc.update(
                "UPDATE rate_budget SET tat_ms = tat_ms - :interval WHERE budget_key = :key",
                new MapSqlParameterSource()
                        .addValue("key", budget.key())
                        .addValue("interval", budget.interval().toMillis()));
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

    /** As {@link #takeAlone(Budget, Duration, String)} for a caller that polls. */
    public Slot takeAlone(Budget budget, Duration longestCall) {
        return takeAlone(budget, longestCall, null);
    }

    /**
     * Takes the budget's only slot if it is free, holding it for at most {@code longestCall} (a holder that dies
     * frees it then). A {@code holder} that finds it busy is given a turn: a time, one and a half intervals after
     * the previous turn, when it comes back and finds it free unless a call took unusually long.
     */
    public Slot takeAlone(Budget budget, Duration longestCall, String holder) {
        long now = now();
        long interval = budget.interval().toMillis();
        long until = now + longestCall.toMillis() + interval;
        var params = new MapSqlParameterSource()
                .addValue("key", budget.key())
                .addValue("now", now)
                .addValue("until", until)
                .addValue("turn", interval + interval / 2);
        Optional<Long> promised = holder == null ? Optional.empty() : promised(budget.key(), holder);
        if (promised.isPresent() && promised.get() > now) {
            return new Slot(Instant.ofEpochMilli(promised.get()), 0);
        }
        String hold = "UPDATE rate_budget SET tat_ms = :until "
                + "WHERE budget_key = :key AND tat_ms <= :now AND held_until_ms <= :now";
        int taken = jdbc.update(hold, params);
        if (taken == 0 && ensureRow(params)) {
            taken = jdbc.update(hold, params);
        }
        if (taken == 1) {
            promised.ifPresent(p -> forget(budget.key(), holder));
            return new Slot(null, until);
        }
        long[] row = row(params);
        if (holder == null || promised.isPresent()) {
            // Busy (a call in flight, or its interval not over): look again when it should be free.
            long next = Math.max(row[0] > now + interval ? now + interval / 2 : row[0], row[1]);
            return new Slot(Instant.ofEpochMilli(Math.max(next, now + RACE_PAUSE_MS)), 0);
        }
        Long turn = tx.execute(s -> {
            long booked = jdbc.query(
                            "SELECT booked_ms FROM rate_budget WHERE budget_key = :key FOR UPDATE",
                            params,
                            (rs, i) -> rs.getLong(1))
                    .get(0);
            long at = Math.max(Math.max(booked + interval + interval / 2, now + interval / 2), row[1]);
            jdbc.update(
                    "UPDATE rate_budget SET booked_ms = :at WHERE budget_key = :key",
                    new MapSqlParameterSource(params.getValues()).addValue("at", at));
            promise(budget.key(), holder, at);
            return at;
        });
        return new Slot(Instant.ofEpochMilli(turn), 0);
    }

    /**
     * Ends the hold of {@link #takeAlone}: the next slot is one interval after now ({@code called}) or now (the call
     * did not happen). Does nothing if the hold already expired and someone else holds the slot.
     */
    public void release(Budget budget, Slot slot, boolean called) {
        long now = now();
        jdbc.update(
                "UPDATE rate_budget SET tat_ms = :next WHERE budget_key = :key AND tat_ms = :token",
                new MapSqlParameterSource()
                        .addValue("key", budget.key())
                        .addValue("token", slot.token())
                        .addValue("next", called ? now + budget.interval().toMillis() : now));
    }

    /** The vendor answered 429 for this budget: nobody, on any replica, takes a slot before {@code until}. */
    public void holdUntil(String key, Instant until) {
        var params = new MapSqlParameterSource().addValue("key", key).addValue("until", until.toEpochMilli());
        ensureRow(params);
        jdbc.update(
                "UPDATE rate_budget SET held_until_ms = GREATEST(held_until_ms, :until) WHERE budget_key = :key",
                params);
    }

    /** When the budget is held after a 429, or empty. */
    public Optional<Instant> heldUntil(String key) {
        var held = jdbc.query(
                "SELECT held_until_ms FROM rate_budget WHERE budget_key = :key",
                new MapSqlParameterSource("key", key),
                (rs, i) -> rs.getLong(1));
        long now = now();
        return held.stream().filter(h -> h > now).findFirst().map(Instant::ofEpochMilli);
    }

    private long now() {
        // Not clock.millis(): the app's microsecond tick clock divides by zero there (JDK 17 Clock.TickClock).
        return clock.instant().toEpochMilli();
    }

    /** Creates the budget's row (a full bucket) if missing; true if it was missing. */
    private boolean ensureRow(MapSqlParameterSource params) {
        if (jdbc.query("SELECT 1 FROM rate_budget WHERE budget_key = :key", params, (rs, i) -> 1)
                .isEmpty()) {
            jdbc.update(
                    "INSERT INTO rate_budget (budget_key, tat_ms, held_until_ms, booked_ms) VALUES (:key, 0, 0, 0) "
                            + "ON CONFLICT DO NOTHING",
                    params);
            return true;
        }
        return false;
    }

    /** The budget's {@code tat_ms} and {@code held_until_ms}, or null while its row is not visible yet. */
    private long[] row(MapSqlParameterSource params) {
        List<long[]> rows =
                jdbc.query("SELECT tat_ms, held_until_ms FROM rate_budget WHERE budget_key = :key", params, (rs, i) ->
                        new long[] {rs.getLong(1), rs.getLong(2)});
        return rows.isEmpty() ? null : rows.get(0);
    }

    private Optional<Long> promised(String key, String holder) {
        List<Long> slots = jdbc.query(
                "SELECT slot_ms FROM rate_reservation WHERE budget_key = :key AND holder = :holder",
                new MapSqlParameterSource().addValue("key", key).addValue("holder", holder),
                (rs, i) -> rs.getLong(1));
        return slots.stream().findFirst();
    }

    private void promise(String key, String holder, long slot) {
        jdbc.update(
                "INSERT INTO rate_reservation (budget_key, holder, slot_ms) VALUES (:key, :holder, :slot) "
                        + "ON CONFLICT DO NOTHING",
                new MapSqlParameterSource()
                        .addValue("key", key)
                        .addValue("holder", holder)
                        .addValue("slot", slot));
    }

    private void forget(String key, String holder) {
        jdbc.update(
                "DELETE FROM rate_reservation WHERE budget_key = :key AND holder = :holder",
                new MapSqlParameterSource().addValue("key", key).addValue("holder", holder));
    }

    /**
     * Deletes idle budget rows, now and then, inline and on every replica, with no job lease: the deletes are
     * idempotent and touch only rows idle past {@code IDLE_MS}, so replicas racing here delete the same rows once.
     */
    private void purgeNowAndThen(long now) {
        long last = lastPurge.get();
        if (now - last >= PURGE_EVERY_MS && lastPurge.compareAndSet(last, now)) {
            var cutoff = new MapSqlParameterSource("cutoff", now - IDLE_MS);
            jdbc.update(
                    "DELETE FROM rate_budget WHERE tat_ms < :cutoff AND held_until_ms < :cutoff AND booked_ms < :cutoff",
                    cutoff);
            jdbc.update("DELETE FROM rate_reservation WHERE slot_ms < :cutoff", cutoff);
        }
    }
}
