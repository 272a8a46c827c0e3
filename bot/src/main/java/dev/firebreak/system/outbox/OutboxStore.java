package dev.firebreak.system.outbox;

import dev.firebreak.system.DatabaseTime;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * SQL for the outbox, portable between H2 (PostgreSQL mode) and PostgreSQL. Claiming is an atomic
 * conditional UPDATE on a lease, so two replicas never run one task at the same time; only the oldest
 * pending task of each queue is claimable, so a queue runs in order. Leases are written and compared in
 * {@link DatabaseTime} (one clock for all replicas); due times ({@code not_before}) in the application's clock.
 */
@Component
class OutboxStore {

    private final NamedParameterJdbcTemplate jdbc;

    OutboxStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean insert(
            String kind,
            String queueKey,
            String dedupKey,
            UUID incidentId,
            String payload,
            Instant notBefore,
            Instant now,
            String traceId) {
        var params = new MapSqlParameterSource()
                .addValue("kind", kind)
                .addValue("queueKey", queueKey)
                .addValue("dedupKey", dedupKey)
                .addValue("incidentId", incidentId)
                .addValue("payload", payload)
                .addValue("notBefore", ts(notBefore))
                .addValue("now", ts(now))
                .addValue("traceId", traceId);
        int rows = jdbc.update("""
                INSERT INTO outbox_task (kind, queue_key, dedup_key, incident_id, payload, status, attempts,
                                         not_before, created_at, trace_id)
                VALUES (:kind, :queueKey, :dedupKey, :incidentId, :payload, 'PENDING', 0, :notBefore, :now, :traceId)
                ON CONFLICT DO NOTHING
                """, params);
        return rows == 1;
    }

    /**
     * A due task at the head of its queue. {@code expiredOwner} is the worker whose lease on it ran out (it died
     * or stalled mid-task), or null: finishing tasks always clears the owner.
     */
    record Due(long id, String kind, String expiredOwner) {}

    List<Due> dueHeads(Instant now, int limit) {
        return jdbc.query(
                """
                SELECT t.id, t.kind, t.lease_owner FROM outbox_task t
                WHERE t.status = 'PENDING' AND t.not_before <= :now
                  AND (t.lease_until IS NULL OR t.lease_until < %s)
                  AND NOT EXISTS (SELECT 1 FROM outbox_task o
                                  WHERE o.queue_key = t.queue_key AND o.status = 'PENDING' AND o.id < t.id)
                ORDER BY t.id
                LIMIT :limit
                """.formatted(DatabaseTime.NOW),
                new MapSqlParameterSource().addValue("now", ts(now)).addValue("limit", limit),
                (rs, i) -> new Due(rs.getLong(1), rs.getString(2), rs.getString(3)));
    }

    /** Claims a due task for {@code lease} (database time); false if another worker's lease on it is live. */
    boolean claim(long id, String owner, Duration lease) {
        return jdbc.update(
                        "UPDATE outbox_task SET lease_owner = :owner, lease_until = " + DatabaseTime.LEASE_END
                                + ", attempts = attempts + 1 WHERE id = :id AND status = 'PENDING'"
                                + " AND (lease_until IS NULL OR lease_until < " + DatabaseTime.NOW + ")",
                        DatabaseTime.lease(
                                new MapSqlParameterSource().addValue("id", id).addValue("owner", owner), lease))
                == 1;
    }

    void complete(long id, String owner, Instant now) {
        jdbc.update(
                """
                UPDATE outbox_task SET status = 'DONE', completed_at = :now, lease_owner = NULL, lease_until = NULL
                WHERE id = :id AND lease_owner = :owner
                """,
                new MapSqlParameterSource()
                        .addValue("id", id)
                        .addValue("owner", owner)
                        .addValue("now", ts(now)));
    }

    void reschedule(long id, String owner, Instant notBefore, String error) {
        jdbc.update(
                """
                UPDATE outbox_task SET not_before = :nb, last_error = :err, lease_owner = NULL, lease_until = NULL
                WHERE id = :id AND lease_owner = :owner
                """,
                new MapSqlParameterSource()
                        .addValue("id", id)
                        .addValue("owner", owner)
                        .addValue("nb", ts(notBefore))
                        .addValue("err", truncate(error)));
    }

    /** Reschedules a task that only has to wait (a paced call): the attempt its claim counted is given back. */
    void postpone(long id, String owner, Instant notBefore, String reason) {
        jdbc.update(
                """
                UPDATE outbox_task SET not_before = :nb, last_error = :err, lease_owner = NULL, lease_until = NULL,
                                       attempts = attempts - 1
                WHERE id = :id AND lease_owner = :owner
                """,
                new MapSqlParameterSource()
                        .addValue("id", id)
                        .addValue("owner", owner)
                        .addValue("nb", ts(notBefore))
                        .addValue("err", truncate(reason)));
    }

    /** Renews the lease of a task this owner is still running; false if the lease was lost. */
    boolean renew(long id, String owner, Duration lease) {
        return jdbc.update(
                        "UPDATE outbox_task SET lease_until = " + DatabaseTime.LEASE_END
                                + " WHERE id = :id AND lease_owner = :owner AND status = 'PENDING'",
                        DatabaseTime.lease(
                                new MapSqlParameterSource().addValue("id", id).addValue("owner", owner), lease))
                == 1;
    }

    /** Finishes a task unsuccessfully: {@code FAILED} (permanent error) or {@code DEAD} (out of attempts). */
    void finish(long id, String owner, String status, Instant now, String error) {
        jdbc.update(
                """
                UPDATE outbox_task SET status = :status, completed_at = :now, last_error = :err,
                                       lease_owner = NULL, lease_until = NULL
                WHERE id = :id AND lease_owner = :owner
                """,
                new MapSqlParameterSource()
                        .addValue("id", id)
                        .addValue("owner", owner)
                        .addValue("status", status)
                        .addValue("now", ts(now))
                        .addValue("err", truncate(error)));
    }

    /** Puts a dead or failed task back in its queue with fresh attempts; false if it is not dead or failed. */
    boolean redrive(long id, Instant now) {
        return jdbc.update("""
                UPDATE outbox_task SET status = 'PENDING', attempts = 0, not_before = :now, completed_at = NULL,
                                       lease_owner = NULL, lease_until = NULL
                WHERE id = :id AND status IN ('DEAD', 'FAILED')
                """, new MapSqlParameterSource().addValue("id", id).addValue("now", ts(now))) == 1;
    }

    /** Deletes finished tasks; dead ones stay until re-driven or deleted by hand (they need a person). */

    /** Gives a claimed task back untouched (claimed, then not started because this worker is stopping). */
    void release(long id, String owner) {
        jdbc.update("""
                UPDATE outbox_task SET lease_owner = NULL, lease_until = NULL, attempts = attempts - 1
                WHERE id = :id AND lease_owner = :owner AND status = 'PENDING'
                """, new MapSqlParameterSource().addValue("id", id).addValue("owner", owner));
    }

    /** One row per (kind, status) of unfinished work, for the outbox gauges. */
    record Backlog(String kind, String status, long tasks, Instant oldestDue) {}

    /**
     * Every task not DONE, grouped by kind and status (PENDING, FAILED, and whatever other terminal state such
     * as DEAD a later version writes), with the oldest {@code not_before} among the due pending ones.
     */
    List<Backlog> backlog(Instant now) {
        return jdbc.query("""
                SELECT kind, status, COUNT(*) AS tasks,
                       MIN(CASE WHEN status = 'PENDING' AND not_before <= :now THEN not_before END) AS oldest_due
                FROM outbox_task WHERE status <> 'DONE' GROUP BY kind, status
                """, new MapSqlParameterSource("now", ts(now)), (rs, i) -> {
            OffsetDateTime oldest = rs.getObject("oldest_due", OffsetDateTime.class);
            return new Backlog(
                    rs.getString("kind"),
                    rs.getString("status"),
                    rs.getLong("tasks"),
                    oldest == null ? null : oldest.toInstant());
        });
    }

    int purgeFinishedBefore(Instant cutoff) {
        return jdbc.update(
                "DELETE FROM outbox_task WHERE status IN ('DONE', 'FAILED') AND completed_at < :cutoff",
                new MapSqlParameterSource("cutoff", ts(cutoff)));
    }

    long count(String status) {
        Long n = jdbc.queryForObject(
                "SELECT COUNT(*) FROM outbox_task WHERE status = :status",
                new MapSqlParameterSource("status", status),
                Long.class);
        return n == null ? 0 : n;
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 1997) + "...";
    }
}
