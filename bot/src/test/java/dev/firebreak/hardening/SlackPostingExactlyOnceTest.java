package dev.firebreak.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.slack.FakeSlack;
import dev.firebreak.support.FirebreakTest;
import dev.firebreak.support.HttpTestClient;
import dev.firebreak.support.MutableClock;
import dev.firebreak.support.TestClock;
import dev.firebreak.system.outbox.OutboxWorker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 9, defect 4: after a crash during the announce call, recovery looked the announcement up with the
 * announce channel's NAME, which Slack's history method refuses (channel_not_found), and posted it again. Here
 * the announce channel is configured by name, and every posting step (status card, announcement, closing
 * summary, post-mortem upload) has Slack take the call and then lose the connection before answering (what a
 * kill -9 or a network cut in mid-call looks like to the bot): each message still exists exactly once.
 */
@FirebreakTest(
        properties = {
            "firebreak.outbox.enabled=false",
            "firebreak.api.token=test-token",
            "firebreak.slack.bot-token=xoxb-test",
            "firebreak.slack.announce-channel=#incidents",
            "firebreak.slack.http.timeout=2s",
            "firebreak.postmortem.upload-on-resolve=true"
        })
@Import(TestClock.class)
class SlackPostingExactlyOnceTest {

    static final MutableClock CLOCK = TestClock.startingAt(Instant.parse("2026-12-01T03:00:00Z"));
    static final FakeSlack SLACK = new FakeSlack(CLOCK);
    static final FakeSlack.Channel ANNOUNCE = SLACK.addChannel("incidents", "UADMIN", "all incidents");

    @DynamicPropertySource
    static void slack(DynamicPropertyRegistry registry) {
        registry.add("firebreak.slack.api-url", SLACK::url);
    }

    @AfterAll
    static void stop() throws Exception {
        SLACK.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    OutboxWorker worker;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyPostingStepLandsOnceWhenTheAnswerIsLost() {
        HttpTestClient api = HttpTestClient.on(port).bearer("test-token");
        // The card and the announcement: Slack posts them, the connection drops before the answer.
        SLACK.dropAfterApplying("chat.postMessage", 2);
        HttpTestClient.Response declared =
                api.post("/api/incidents", "{\"title\":\"Checkout down\",\"severity\":\"SEV2\"}");
        assertThat(declared.status()).as(declared.body()).isEqualTo(201);
        UUID id = UUID.fromString(declared.json().get("id").stringValue());
        String ref = declared.json().get("reference").stringValue();
        settle();

        String channel =
                jdbc.queryForObject("SELECT channel_id FROM slack_channel WHERE incident_id = ?", String.class, id);
        assertThat(SLACK.calls("chat.postMessage"))
                .filteredOn(c -> "dropped".equals(c.error()))
                .hasSize(2);
        List<FakeSlack.Message> cards = SLACK.messages(channel).stream()
                .filter(m -> m.blocks != null && m.blocks.contains(id.toString()))
                .toList();
        assertThat(cards).hasSize(1);
        assertThat(SLACK.channel(channel).pins).containsExactly(cards.get(0).ts);
        assertThat(SLACK.messages(ANNOUNCE.id))
                .filteredOn(m -> m.text.contains("<#" + channel + ">"))
                .hasSize(1);
        // Recovery read the announce channel's history by id; the name was resolved once.
        assertThat(SLACK.calls("conversations.history"))
                .extracting(c -> c.param("channel"))
                .contains(ANNOUNCE.id)
                .doesNotContain("#incidents", "incidents");
        assertThat(jdbc.queryForObject("SELECT announce_ts FROM slack_channel WHERE incident_id = ?", String.class, id))
                .isEqualTo(SLACK.messages(ANNOUNCE.id).get(0).ts);

        // The closing summary and the post-mortem upload: same fault.
        SLACK.dropAfterApplying("chat.postMessage", 1);
        SLACK.dropAfterApplying("files.completeUploadExternal", 1);
        HttpTestClient.Response resolved =
                api.post("/api/incidents/" + ref + "/status", "{\"status\":\"RESOLVED\",\"reason\":\"rolled back\"}");
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        settle();

        assertThat(SLACK.calls("chat.postMessage"))
                .filteredOn(c -> "dropped".equals(c.error()))
                .hasSize(3);
        assertThat(SLACK.messages(channel))
                .filteredOn(m -> m.text != null && m.text.startsWith(":white_check_mark: *" + ref))
                .hasSize(1);
        assertThat(SLACK.calls("files.completeUploadExternal"))
                .filteredOn(c -> "dropped".equals(c.error()))
                .hasSize(1);
        assertThat(SLACK.sharedFiles())
                .filteredOn(f -> f.channel().equals(channel))
                .hasSize(1);
        assertThat(jdbc.queryForList("SELECT status FROM outbox_task WHERE incident_id = ?", String.class, id))
                .isNotEmpty()
                .allMatch("DONE"::equals);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM timeline_entry WHERE incident_id = ? AND kind = 'integration.warning'",
                        Long.class,
                        id))
                .isZero();
    }

    /** Runs due tasks, moving the clock past every backoff, until nothing is due any more. */
    private void settle() {
        for (int round = 0; round < 30; round++) {
            int ran = 0;
            for (int i = 0; i < 100; i++) {
                int n = worker.runDueTasks();
                ran += n;
                if (n == 0) {
                    break;
                }
            }
            CLOCK.advance(Duration.ofMinutes(10));
            if (ran == 0 && worker.runDueTasks() == 0) {
                return;
            }
        }
    }
}
