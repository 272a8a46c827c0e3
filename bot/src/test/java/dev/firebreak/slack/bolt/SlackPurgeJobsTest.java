package dev.firebreak.slack.bolt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.slack.FakeSlack;
import dev.firebreak.slack.event.SlackEventInbox;
import dev.firebreak.support.FirebreakTest;
import dev.firebreak.support.MutableClock;
import dev.firebreak.support.OtherReplicaJobLease;
import dev.firebreak.support.TestClock;
import dev.firebreak.system.scheduling.JobLeases;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Slack purges (replay guard digests, {@code slack-replay-guard-purge}; Events API ids, {@code slack-event-purge})
 * run on the one replica holding their job lease: while another replica's lease is live this replica forgets nothing;
 * once it has expired, or was released, this replica takes the job over and purges. Called as the scheduler calls them.
 */
@FirebreakTest(properties = {"firebreak.outbox.enabled=false"})
@Import(TestClock.class)
class SlackPurgeJobsTest {

    static final MutableClock CLOCK = TestClock.startingAt(Instant.parse("2026-11-30T14:00:00Z"));
    static final FakeSlack SLACK = new FakeSlack(CLOCK);

    @DynamicPropertySource
    static void slack(DynamicPropertyRegistry registry) {
        registry.add("firebreak.slack.bot-token", () -> "xoxb-test-purge");
        registry.add("firebreak.slack.api-url", SLACK::url);
    }

    @AfterAll
    static void stopSlack() throws Exception {
        SLACK.close();
    }

    @Autowired
    SlackReplayGuard guard;

    @Autowired
    SlackEventInbox inbox;

    @Autowired
    JobLeases leases;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void replayGuardDigestsArePurgedOnlyByTheReplicaHoldingTheJob() {
        OtherReplicaJobLease other = OtherReplicaJobLease.on(jdbc, SlackReplayGuard.PURGE_JOB);
        assertThat(guard.firstTime("1764511200", body("old"))).isTrue();
        other.hold(); // before the digest is old, so that the scheduler's own purge cannot run first either
        CLOCK.advance(SlackReplayGuard.KEEP.plusMinutes(1));
        assertThat(guard.firstTime("1764512000", body("recent"))).isTrue();

        guard.purge();
        assertThat(rows("slack_request_seen"))
                .as("another replica holds the purge: the old digest stays")
                .isEqualTo(2);
        assertThat(guard.firstTime("1764511200", body("old")))
                .as("and a replay of the old request is still refused")
                .isFalse();

        other.expire();
        guard.purge();
        assertThat(rows("slack_request_seen"))
                .as("the other replica's lease expired: this one purges")
                .isEqualTo(1);
        assertThat(guard.firstTime("1764512000", body("recent")))
                .as("digests within the window are kept")
                .isFalse();
        assertThat(other.owner()).as("and holds the job now").isEqualTo(leases.owner());
    }

    @Test
    void eventIdsArePurgedOnlyByTheReplicaHoldingTheJob() {
        OtherReplicaJobLease other = OtherReplicaJobLease.on(jdbc, "slack-event-purge");
        assertThat(inbox.once("Ev-old", () -> {})).isTrue();
        other.hold(); // before the id is old, so that the scheduler's own purge cannot run first either
        CLOCK.advance(Duration.ofHours(25));
        assertThat(inbox.once("Ev-recent", () -> {})).isTrue();

        inbox.purge();
        assertThat(inbox.seen("Ev-old"))
                .as("another replica holds the purge: the old event id stays")
                .isTrue();

        other.release();
        inbox.purge();
        assertThat(inbox.seen("Ev-old"))
                .as("the other replica released the job: this one purges at once")
                .isFalse();
        assertThat(inbox.seen("Ev-recent")).isTrue();
        assertThat(other.owner()).isEqualTo(leases.owner());

        other.hold();
        CLOCK.advance(Duration.ofHours(25));
        inbox.purge();
        assertThat(inbox.seen("Ev-recent")).isTrue();
        other.expire();
        inbox.purge();
        assertThat(inbox.seen("Ev-recent"))
                .as("the other replica's lease expired: this one purges")
                .isFalse();
    }

    private static byte[] body(String text) {
        return ("token=x&text=" + text).getBytes(StandardCharsets.UTF_8);
    }

    private int rows(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }
}
