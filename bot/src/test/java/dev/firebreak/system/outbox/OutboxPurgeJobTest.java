package dev.firebreak.system.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.support.FirebreakTest;
import dev.firebreak.support.MutableClock;
import dev.firebreak.support.OtherReplicaJobLease;
import dev.firebreak.support.TestClock;
import dev.firebreak.system.scheduling.JobLeases;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The outbox purge (finished tasks past {@code firebreak.outbox.retention}) runs on the one replica holding the
 * {@code outbox-purge} job lease: while another replica's lease is live this replica deletes nothing; once that lease
 * has expired, or was released, it takes the job over and purges. Called as the poller calls it.
 */
@FirebreakTest(properties = {"firebreak.outbox.enabled=false", "firebreak.outbox.retention=7d"})
@Import(TestClock.class)
class OutboxPurgeJobTest {

    static final MutableClock CLOCK = TestClock.startingAt(Instant.parse("2026-11-30T12:00:00Z"));

    @Autowired
    OutboxWorker worker;

    @Autowired
    JobLeases leases;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void purgesOnlyWhileNoOtherReplicaHoldsTheJob() {
        OtherReplicaJobLease other = OtherReplicaJobLease.on(jdbc, OutboxWorker.PURGE_JOB);
        finished("old-done", "DONE", Duration.ofDays(8));
        finished("old-failed", "FAILED", Duration.ofDays(9));
        finished("recent-done", "DONE", Duration.ofDays(1));

        other.hold();
        worker.purgeFinished();
        assertThat(queues())
                .as("another replica holds outbox-purge: nothing deleted here")
                .containsExactly("old-done", "old-failed", "recent-done");
        assertThat(other.owner()).isEqualTo(OtherReplicaJobLease.OWNER);

        other.expire();
        worker.purgeFinished();
        assertThat(queues())
                .as("the other replica's lease expired: this one purges past retention")
                .containsExactly("recent-done");
        assertThat(other.owner()).as("and holds the job now").isEqualTo(leases.owner());

        finished("old-again", "DONE", Duration.ofDays(8));
        other.hold();
        worker.purgeFinished();
        assertThat(queues()).containsExactly("old-again", "recent-done");
        other.release();
        worker.purgeFinished();
        assertThat(queues()).as("a released job is taken over at once").containsExactly("recent-done");
    }

    private void finished(String queue, String status, Duration ago) {
        Timestamp completed = Timestamp.from(CLOCK.instant().minus(ago));
        jdbc.update(
                "INSERT INTO outbox_task (kind, queue_key, payload, status, attempts, not_before, created_at,"
                        + " completed_at) VALUES ('test.purge', ?, '\"x\"', ?, 1, ?, ?, ?)",
                queue,
                status,
                completed,
                completed,
                completed);
    }

    private List<String> queues() {
        return jdbc.queryForList(
                "SELECT queue_key FROM outbox_task WHERE kind = 'test.purge' ORDER BY queue_key", String.class);
    }
}
