package dev.firebreak.runbook;

import dev.firebreak.runbooks.steps.StepStatus;
import dev.firebreak.system.DatabaseTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * SQL for runs and step attempts, portable between H2 (PostgreSQL mode) and PostgreSQL. A run is claimed
 * with a conditional UPDATE on its lease (as outbox tasks are; written and compared in {@link DatabaseTime}, while
 * {@code next_at} is in the application's clock), so two engines never advance one run at once;
 * a step attempt is a unique row, so even a stale claim cannot start a step twice.
 */
@Component
class RunJournal {

    static final String ACTIVE = "('PENDING','RUNNING','WAITING')";

    record NewRun(
            UUID incidentId,
            String runbookId,
            String runbookTitle,
            String snapshot,
            String sourceName,
            String inputs,
            boolean dryRun,
            String dryRunReason,
            RunStatus status,
            String requestedBy,
            String requestedByName,
            String requestedVia,
            String triggerKey,
            String concurrencyKey,
            Instant deadline) {}

    private final NamedParameterJdbcTemplate jdbc;

    RunJournal(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a run; empty when its trigger key (once-per) was already used. */
    Optional<Long> insert(NewRun r, Instant now) {
        var keyHolder = new org.springframework.jdbc.support.GeneratedKeyHolder();
        var p = new MapSqlParameterSource()
                .addValue("incident", r.incidentId())
                .addValue("runbook", r.runbookId())
                .addValue("title", r.runbookTitle())
                .addValue("snapshot", r.snapshot())
                .addValue("source", r.sourceName())
                .addValue("inputs", r.inputs())
                .addValue("dry", r.dryRun())
                .addValue("dryWhy", r.dryRunReason())
                .addValue("status", r.status().name())
                .addValue("by", r.requestedBy())
                .addValue("byName", r.requestedByName())
                .addValue("via", r.requestedVia())
                .addValue("trigger", r.triggerKey())
                .addValue("key", r.concurrencyKey())
                .addValue("deadline", ts(r.deadline()))
                .addValue("now", ts(now));
        int rows = jdbc.update("""
                INSERT INTO runbook_run (incident_id, runbook_id, runbook_title, snapshot, source_name, inputs, dry_run,
                    dry_run_reason, status, requested_by, requested_by_name, requested_via, trigger_key, concurrency_key, next_at,
                    deadline, created_at, updated_at)
                VALUES (:incident, :runbook, :title, :snapshot, :source, :inputs, :dry, :dryWhy, :status, :by, :byName, :via,
                    :trigger, :key, :now, :deadline, :now, :now)
                ON CONFLICT DO NOTHING
                """, p, keyHolder, new String[] {"id"});
        return rows == 1 ? Optional.of(keyHolder.getKey().longValue()) : Optional.empty();
    }

    boolean triggerUsed(String triggerKey) {
        return count(
                        "SELECT COUNT(*) FROM runbook_run WHERE trigger_key = :k",
                        new MapSqlParameterSource("k", triggerKey))
                > 0;
    }

    /** Locks the concurrency key until the caller's transaction ends (serializes starts across replicas). */
    void lockKey(String key) {
        jdbc.update(
                "INSERT INTO runbook_key_lock (lock_key) VALUES (:k) ON CONFLICT DO NOTHING",
                new MapSqlParameterSource("k", key));
        jdbc.queryForList(
                "SELECT lock_key FROM runbook_key_lock WHERE lock_key = :k FOR UPDATE",
                new MapSqlParameterSource("k", key),
                String.class);
    }

    /** Active or queued runs holding {@code key}. */
    int holding(String key) {
        return count(
                "SELECT COUNT(*) FROM runbook_run WHERE concurrency_key = :k AND status IN ('PENDING','RUNNING','WAITING','QUEUED')",
                new MapSqlParameterSource("k", key));
    }

    /** Runs (not dry runs) of a runbook started since {@code since} with this concurrency key (null: without one). */
    int startedSince(String runbookId, String key, Instant since) {
        String keyClause = key == null ? "concurrency_key IS NULL" : "concurrency_key = :k";
        return count(
                "SELECT COUNT(*) FROM runbook_run WHERE runbook_id = :r AND created_at > :since AND " + keyClause
                        + " AND dry_run = FALSE",
                new MapSqlParameterSource("r", runbookId).addValue("k", key).addValue("since", ts(since)));
    }

    /** The oldest queued run for {@code key} becomes ready, if no run holds the key any more. */
    void promoteQueued(String key, Instant now) {
        if (key == null
                || count(
                                "SELECT COUNT(*) FROM runbook_run WHERE concurrency_key = :k AND status IN " + ACTIVE,
                                new MapSqlParameterSource("k", key))
                        > 0) {
            return;
        }
        jdbc.update("""
                UPDATE runbook_run SET status = 'PENDING', next_at = :now, updated_at = :now
                WHERE id = (SELECT MIN(id) FROM runbook_run WHERE concurrency_key = :k AND status = 'QUEUED')
                """, new MapSqlParameterSource("k", key).addValue("now", ts(now)));
    }

    List<Long> due(Instant now, int limit) {
        return jdbc.queryForList(
                "SELECT id FROM runbook_run WHERE status IN ('PENDING','RUNNING','WAITING') AND next_at <= :now"
                        + " AND (lease_until IS NULL OR lease_until < " + DatabaseTime.NOW + ")"
                        + " ORDER BY next_at, id LIMIT :limit",
                new MapSqlParameterSource("now", ts(now)).addValue("limit", limit),
                Long.class);
    }

    /** Claims a run for {@code lease} (database time); false while another engine's lease on it is live. */
    boolean claim(long runId, String owner, Duration lease) {
        return jdbc.update(
                        "UPDATE runbook_run SET lease_owner = :owner, lease_until = " + DatabaseTime.LEASE_END
                                + " WHERE id = :id AND status IN ('PENDING','RUNNING','WAITING')"
                                + " AND (lease_until IS NULL OR lease_until < " + DatabaseTime.NOW
                                + " OR lease_owner = :owner)",
                        DatabaseTime.lease(new MapSqlParameterSource("id", runId).addValue("owner", owner), lease))
                == 1;
    }

    /** Extends this owner's lease to at least {@code lease} from now (before a long step); false when it was lost. */
    boolean extend(long runId, String owner, Duration lease) {
        return jdbc.update(
                        "UPDATE runbook_run SET lease_until = GREATEST(lease_until, " + DatabaseTime.LEASE_END
                                + ") WHERE id = :id AND lease_owner = :owner",
                        DatabaseTime.lease(new MapSqlParameterSource("id", runId).addValue("owner", owner), lease))
                == 1;
    }

    /** Extends this owner's claim to {@code lease} from now only while it still holds it (not expired). */
    boolean extendIfHeld(long runId, String owner, Duration lease) {
        return jdbc.update(
                        "UPDATE runbook_run SET lease_until = " + DatabaseTime.LEASE_END
                                + " WHERE id = :id AND lease_owner = :owner AND lease_until >= " + DatabaseTime.NOW,
                        DatabaseTime.lease(new MapSqlParameterSource("id", runId).addValue("owner", owner), lease))
                == 1;
    }

    void release(long runId, String owner) {
        jdbc.update(
                "UPDATE runbook_run SET lease_owner = NULL, lease_until = NULL WHERE id = :id AND lease_owner = :owner",
                new MapSqlParameterSource("id", runId).addValue("owner", owner));
    }

    void status(long runId, RunStatus status, Instant nextAt, String reason, Instant now) {
        jdbc.update(
                """
                UPDATE runbook_run SET status = :status, next_at = COALESCE(:next, next_at),
                       reason = COALESCE(:reason, reason), updated_at = :now,
                       started_at = COALESCE(started_at, CASE WHEN :status = 'RUNNING' THEN :now END),
                       finished_at = CASE WHEN :final THEN :now ELSE finished_at END
                WHERE id = :id
                """,
                new MapSqlParameterSource("id", runId)
                        .addValue("status", status.name())
                        .addValue("next", ts(nextAt))
                        .addValue("reason", reason)
                        .addValue("now", ts(now))
                        .addValue("final", status.isFinal()));
    }

    void markStarted(long runId, Instant now) {
        jdbc.update(
                "UPDATE runbook_run SET started_at = :now WHERE id = :id AND started_at IS NULL",
                new MapSqlParameterSource("id", runId).addValue("now", ts(now)));
    }

    /**
     * Puts a run to sleep until {@code until}, unless it was woken since the engine read it ({@code wakes} changed):
     * then it is due at once.
     */
    void sleep(long runId, long wakes, Instant until, Instant now) {
        jdbc.update(
                """
                UPDATE runbook_run SET status = 'WAITING', updated_at = :now,
                       next_at = CASE WHEN wakes = :w THEN :until ELSE :now END
                WHERE id = :id
                """,
                new MapSqlParameterSource("id", runId)
                        .addValue("w", wakes)
                        .addValue("now", ts(now))
                        .addValue("until", ts(until == null ? now : until)));
    }

    /** Asks for a cancel; false when the run is already over. */
    boolean requestCancel(long runId, String by, Instant now) {
        return jdbc.update(
                        """
                UPDATE runbook_run SET cancel_requested_by = :by, next_at = :now, wakes = wakes + 1, updated_at = :now
                WHERE id = :id AND status IN ('PENDING','RUNNING','WAITING','QUEUED') AND cancel_requested_by IS NULL
                """,
                        new MapSqlParameterSource("id", runId)
                                .addValue("by", by)
                                .addValue("now", ts(now)))
                == 1;
    }

    boolean cancelRequested(long runId) {
        return count(
                        "SELECT COUNT(*) FROM runbook_run WHERE id = :id AND cancel_requested_by IS NOT NULL",
                        new MapSqlParameterSource("id", runId))
                > 0;
    }

    /** Wakes a run now (an approval was decided). */
    void wake(long runId, Instant now) {
        jdbc.update(
                "UPDATE runbook_run SET next_at = :now, wakes = wakes + 1 WHERE id = :id AND status IN " + ACTIVE,
                new MapSqlParameterSource("id", runId).addValue("now", ts(now)));
    }

    long bumpMessage(long runId) {
        jdbc.update(
                "UPDATE runbook_run SET message_version = message_version + 1 WHERE id = :id",
                new MapSqlParameterSource("id", runId));
        return jdbc.queryForObject(
                "SELECT message_version FROM runbook_run WHERE id = :id",
                new MapSqlParameterSource("id", runId),
                Long.class);
    }

    void messagePosted(long runId, String ts) {
        jdbc.update(
                "UPDATE runbook_run SET message_ts = :ts WHERE id = :id AND message_ts IS NULL",
                new MapSqlParameterSource("id", runId).addValue("ts", ts));
    }

    Optional<RunRow> find(long runId) {
        return jdbc
                .query(
                        "SELECT * FROM runbook_run WHERE id = :id",
                        new MapSqlParameterSource("id", runId),
                        RunJournal::run)
                .stream()
                .findFirst();
    }

    List<RunRow> ofIncident(UUID incidentId) {
        return jdbc.query(
                "SELECT * FROM runbook_run WHERE incident_id = :i ORDER BY id",
                new MapSqlParameterSource("i", incidentId),
                RunJournal::run);
    }

    /** The newest runs of all incidents (the console's runbooks page). */
    List<RunRow> recent(int limit) {
        return jdbc.query(
                "SELECT * FROM runbook_run ORDER BY id DESC LIMIT :n",
                new MapSqlParameterSource("n", limit),
                RunJournal::run);
    }

    // ---- steps ----

    /** Starts a step attempt; false when that attempt already exists (someone else started it). */
    boolean startStep(
            long runId,
            String stepId,
            String type,
            boolean finallyStep,
            int attempt,
            StepStatus status,
            String request,
            Instant waitUntil,
            String owner,
            Instant now) {
        return jdbc.update(
                        """
                INSERT INTO runbook_step_run (run_id, step_id, step_type, finally_step, attempt, status, request,
                    wait_until, owner, started_at)
                VALUES (:run, :step, :type, :fin, :attempt, :status, :request, :wait, :owner, :now)
                ON CONFLICT DO NOTHING
                """,
                        new MapSqlParameterSource("run", runId)
                                .addValue("step", stepId)
                                .addValue("type", type)
                                .addValue("fin", finallyStep)
                                .addValue("attempt", attempt)
                                .addValue("status", status.name())
                                .addValue("request", request)
                                .addValue("wait", ts(waitUntil))
                                .addValue("owner", owner)
                                .addValue("now", ts(now)))
                == 1;
    }

    /** Writes an attempt's outcome ({@code finishedAt} null while it polls, waits or awaits approval). */
    void finishStep(
            long stepRowId,
            StepStatus status,
            String outputs,
            String summary,
            String planned,
            String errorKind,
            String error,
            Instant wakeAt,
            String approval,
            Instant finishedAt) {
        jdbc.update(
                """
                UPDATE runbook_step_run SET status = :status, outputs = :outputs, summary = :summary, planned = :planned,
                       error_kind = :kind, error = :error, wait_until = :wake, approval = :approval, finished_at = :fin
                WHERE id = :id
                """,
                new MapSqlParameterSource("id", stepRowId)
                        .addValue("status", status.name())
                        .addValue("outputs", outputs)
                        .addValue("summary", cap(summary))
                        .addValue("planned", planned)
                        .addValue("kind", errorKind)
                        .addValue("error", cap(error))
                        .addValue("wake", ts(wakeAt))
                        .addValue("approval", approval)
                        .addValue("fin", ts(finishedAt)));
    }

    /** A status the engine decides itself (skipped, denied, timed out, interrupted, cancelled). */
    void markStep(long stepRowId, StepStatus status, String summary, String error, Instant now) {
        jdbc.update(
                """
                UPDATE runbook_step_run SET status = :status, summary = COALESCE(:summary, summary),
                       error = COALESCE(:error, error), finished_at = :now WHERE id = :id
                """,
                new MapSqlParameterSource("id", stepRowId)
                        .addValue("status", status.name())
                        .addValue("summary", cap(summary))
                        .addValue("error", cap(error))
                        .addValue("now", ts(now)));
    }

    void runningAgain(long stepRowId, String owner) {
        jdbc.update(
                "UPDATE runbook_step_run SET status = 'RUNNING', owner = :owner WHERE id = :id",
                new MapSqlParameterSource("id", stepRowId).addValue("owner", owner));
    }

    /** Records an approver's decision once; false when the step was already decided (or is not waiting). */
    boolean decide(long stepRowId, boolean approved, String by, Instant now) {
        return jdbc.update(
                        """
                UPDATE runbook_step_run SET status = :status, decided_by = :by, finished_at = :now, summary = :summary
                WHERE id = :id AND status = 'AWAITING_APPROVAL'
                """,
                        new MapSqlParameterSource("id", stepRowId)
                                .addValue("status", approved ? StepStatus.APPROVED.name() : StepStatus.DENIED.name())
                                .addValue("by", by)
                                .addValue("now", ts(now))
                                .addValue("summary", cap((approved ? "Approved by " : "Denied by ") + by)))
                == 1;
    }

    Optional<StepRow> findStep(long runId, String stepId, int attempt) {
        return jdbc
                .query(
                        "SELECT * FROM runbook_step_run WHERE run_id = :r AND step_id = :s AND attempt = :a",
                        new MapSqlParameterSource("r", runId)
                                .addValue("s", stepId)
                                .addValue("a", attempt),
                        RunJournal::step)
                .stream()
                .findFirst();
    }

    List<StepRow> steps(long runId) {
        return jdbc.query(
                "SELECT * FROM runbook_step_run WHERE run_id = :r ORDER BY id",
                new MapSqlParameterSource("r", runId),
                RunJournal::step);
    }

    Optional<StepRow> step(long stepRowId) {
        return jdbc
                .query(
                        "SELECT * FROM runbook_step_run WHERE id = :id",
                        new MapSqlParameterSource("id", stepRowId),
                        RunJournal::step)
                .stream()
                .findFirst();
    }

    private int count(String sql, MapSqlParameterSource p) {
        Integer n = jdbc.queryForObject(sql, p, Integer.class);
        return n == null ? 0 : n;
    }

    private static String cap(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 1999) + "…";
    }

    static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static RunRow run(ResultSet rs, int n) throws SQLException {
        return new RunRow(
                rs.getLong("id"),
                rs.getObject("incident_id", UUID.class),
                rs.getString("runbook_id"),
                rs.getString("runbook_title"),
                rs.getString("snapshot"),
                rs.getString("source_name"),
                rs.getString("inputs"),
                rs.getBoolean("dry_run"),
                rs.getString("dry_run_reason"),
                RunStatus.valueOf(rs.getString("status")),
                rs.getString("requested_by"),
                rs.getString("requested_by_name"),
                rs.getString("requested_via"),
                rs.getString("trigger_key"),
                rs.getString("concurrency_key"),
                instant(rs, "next_at"),
                rs.getLong("wakes"),
                instant(rs, "deadline"),
                rs.getString("lease_owner"),
                instant(rs, "lease_until"),
                rs.getString("cancel_requested_by"),
                rs.getString("reason"),
                rs.getString("message_ts"),
                rs.getLong("message_version"),
                instant(rs, "created_at"),
                instant(rs, "started_at"),
                instant(rs, "finished_at"));
    }

    private static StepRow step(ResultSet rs, int n) throws SQLException {
        return new StepRow(
                rs.getLong("id"),
                rs.getLong("run_id"),
                rs.getString("step_id"),
                rs.getString("step_type"),
                rs.getBoolean("finally_step"),
                rs.getInt("attempt"),
                StepStatus.valueOf(rs.getString("status")),
                rs.getString("request"),
                rs.getString("outputs"),
                rs.getString("summary"),
                rs.getString("planned"),
                rs.getString("error"),
                rs.getString("error_kind"),
                rs.getString("approval"),
                instant(rs, "wait_until"),
                rs.getInt("polls"),
                rs.getString("decided_by"),
                rs.getString("owner"),
                instant(rs, "started_at"),
                instant(rs, "finished_at"));
    }
}
