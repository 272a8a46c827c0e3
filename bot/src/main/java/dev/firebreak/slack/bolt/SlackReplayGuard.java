package dev.firebreak.slack.bolt;

import dev.firebreak.system.scheduling.JobLeases;
import dev.firebreak.system.security.Digests;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import org.springframework.context.annotation.Conditional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Refuses replays of signed Slack requests: the SHA-256 of {@code timestamp:body} of every accepted request
 * is inserted into {@code slack_request_seen} (primary key), shared by all replicas; a second insert of the
 * same digest within the signature window fails, and the request is refused. Digests older than the window
 * are purged; an older request is refused anyway as stale by {@link SlackSignatureVerifier}.
 */
@Component
@Conditional(SlackEnabled.class)
class SlackReplayGuard {

    /** The signature window plus a margin for clock skew between replicas. */
    static final Duration KEEP = SlackSignatureVerifier.MAX_SKEW.multipliedBy(2).plusMinutes(1);

    static final String PURGE_JOB = "slack-replay-guard-purge";
    private static final Duration PURGE_EVERY = Duration.ofMinutes(1);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final JobLeases jobs;

    SlackReplayGuard(JdbcTemplate jdbc, Clock clock, JobLeases jobs) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.jobs = jobs;
    }

    /** True the first time this (verified) timestamp and body are seen; false for a replay. */
    boolean firstTime(String timestamp, byte[] body) {
        byte[] digest = Digests.hmacSha256(
                "firebreak-slack-replay".getBytes(StandardCharsets.US_ASCII),
                timestamp.strip().getBytes(StandardCharsets.US_ASCII),
                new byte[] {':'},
                body);
        try {
            jdbc.update(
                    "INSERT INTO slack_request_seen (digest, received_at) VALUES (?, ?)",
                    HexFormat.of().formatHex(digest),
                    Timestamp.from(clock.instant()));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Forgets digests older than {@link #KEEP}: every minute, on the one replica holding the purge job. */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void purge() {
        if (!jobs.claimEvery(PURGE_JOB, PURGE_EVERY)) {
            return;
        }
        jdbc.update(
                "DELETE FROM slack_request_seen WHERE received_at < ?",
                Timestamp.from(clock.instant().minus(KEEP)));
    }
}
