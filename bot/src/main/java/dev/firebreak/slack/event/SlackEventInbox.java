package dev.firebreak.slack.event;

import dev.firebreak.system.scheduling.JobLeases;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Processes each Events API {@code event_id} once, however often Slack delivers it (retries with
 * {@code X-Slack-Retry-Num}, or two replicas). The {@code slack_event} row and the work it causes commit
 * in one transaction: a failure leaves neither, Slack's retry then does it, and a duplicate finds the
 * row (primary key) and does nothing.
 */
@Component
public class SlackEventInbox {

    /** Slack retries a delivery for about an hour; a day of event ids is plenty. */
    static final Duration KEEP = Duration.ofHours(24);

    static final String PURGE_JOB = "slack-event-purge";
    private static final Duration PURGE_EVERY = Duration.ofHours(1);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final JobLeases jobs;

    SlackEventInbox(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock, JobLeases jobs) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.jobs = jobs;
    }

    /** Runs {@code work} in the transaction that records {@code eventId}; false if it was seen before. */
    public boolean once(String eventId, Runnable work) {
        if (eventId == null || eventId.isBlank()) {
            tx.executeWithoutResult(s -> work.run());
            return true;
        }
        if (seen(eventId)) {
            return false;
        }
        try {
            tx.executeWithoutResult(s -> {
                jdbc.update(
                        "INSERT INTO slack_event (event_id, received_at) VALUES (?, ?)",
                        eventId,
                        Timestamp.from(clock.instant()));
                work.run();
            });
            return true;
        } catch (DataIntegrityViolationException e) {
            // Another delivery of the same event committed first.
            return false;
        }
    }

    /** Forgets event ids older than {@link #KEEP}: hourly, on the one replica holding the {@code slack-event-purge} job. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    public void purge() {
        if (jobs.claimEvery(PURGE_JOB, PURGE_EVERY)) {
            purgeReceivedBefore(clock.instant().minus(KEEP));
        }
    }

    public int purgeReceivedBefore(Instant cutoff) {
        return jdbc.update("DELETE FROM slack_event WHERE received_at < ?", Timestamp.from(cutoff));
    }

    public boolean seen(String eventId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM slack_event WHERE event_id = ?", Integer.class, eventId);
        return n != null && n > 0;
    }
}
