package dev.firebreak.slack.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.incident.Actor;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentManagement;
import dev.firebreak.incident.IncidentQueries;
import dev.firebreak.incident.IncidentRole;
import dev.firebreak.incident.IncidentSource;
import dev.firebreak.incident.NewIncident;
import dev.firebreak.incident.Severity;
import dev.firebreak.slack.FakeSlack;
import dev.firebreak.slack.FakeSlack.Reply;
import dev.firebreak.support.FirebreakTest;
import dev.firebreak.support.MutableClock;
import dev.firebreak.support.TestClock;
import dev.firebreak.system.outbox.OutboxTask;
import dev.firebreak.system.outbox.OutboxTasks;
import dev.firebreak.system.outbox.OutboxWorker;
import dev.firebreak.timeline.Timeline;
import dev.firebreak.timeline.TimelineEntry;
import dev.firebreak.timeline.TimelineKinds;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Slack delivery inside the app against {@link FakeSlack}, deterministic: the background worker is off,
 * the test runs due outbox tasks itself and moves a {@link MutableClock}.
 */
@FirebreakTest(
        properties = {
            "firebreak.outbox.enabled=false",
            "firebreak.slack.bot-token=xoxb-test",
            "firebreak.postmortem.upload-on-resolve=false",
            "firebreak.slack.default-responders=U0RESP1,U0RESP2",
            "firebreak.slack.archive-after=1h",
            "firebreak.slack.card-update-interval=1s",
            "firebreak.slack.http.timeout=2s"
        })
@Import(TestClock.class)
class SlackDeliveryTest {

    static final MutableClock CLOCK = TestClock.startingAt(Instant.parse("2026-11-28T06:00:00Z"));
    static final FakeSlack SLACK = new FakeSlack(CLOCK);
    static final FakeSlack.Channel ANNOUNCE = SLACK.addChannel("incidents", "UADMIN", "all incidents");

    @DynamicPropertySource
    static void slack(DynamicPropertyRegistry registry) {
        registry.add("firebreak.slack.api-url", SLACK::url);
        registry.add("firebreak.slack.announce-channel", () -> ANNOUNCE.id);
    }

    @AfterAll
    static void stop() throws Exception {
        SLACK.close();
    }

    @Autowired
    IncidentManagement incidents;

    @Autowired
    IncidentQueries queries;

    @Autowired
    OutboxWorker worker;

    @Autowired
    OutboxTasks tasks;

    @Autowired
    Timeline timeline;

    @Autowired
    SlackChannels channels;

    @Autowired
    MeterRegistry meters;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @BeforeEach
    void reset() {
        SLACK.clear();
    }

    @Test
    void declaredIncidentGetsChannelTopicInvitesPinnedCardAndAnnouncementThenLivesAndCloses() {
        Incident incident = open("Checkout <!channel> down", Severity.SEV2);
        incidents.assignRole(incident.getId(), IncidentRole.COMMANDER, "slack:U0CMD", Actor.slack("U0CMD", "carol"));
        drain();

        String name = "inc-" + incident.getNumber() + "-checkout-channel-down";
        FakeSlack.Channel channel = SLACK.channelNamed(name);
        assertThat(channel).isNotNull();
        // the commander's own invite (from RoleAssigned) comes last and finds them already invited
        // the topic runs on its own queue, started by the channel's creation
        assertThat(SLACK.methods())
                .containsExactly(
                        "conversations.create",
                        "conversations.invite",
                        "conversations.setPurpose",
                        "conversations.setTopic",
                        "chat.postMessage",
                        "pins.add",
                        "chat.postMessage",
                        "conversations.invite");
        assertThat(SLACK.calls("conversations.invite").get(1).error()).isEqualTo("already_in_channel");
        assertThat(SLACK.calls().get(0).param("name")).isEqualTo(name);
        assertThat(SLACK.calls().get(0).authorization()).isEqualTo("Bearer xoxb-test");
        assertThat(queries.view(incident.getId()).slackChannelId()).isEqualTo(channel.id);
        assertThat(queries.view(incident.getId()).slackChannelName()).isEqualTo(name);
        assertThat(channel.purpose).contains("[firebreak:" + incident.getId() + "]");
        assertThat(channel.topic)
                .isEqualTo("INC-" + incident.getNumber() + " | SEV2 | TRIGGERED | Checkout &lt;!channel&gt; down");
        assertThat(SLACK.calls("conversations.invite").get(0).param("users")).isEqualTo("U0RESP1,U0RESP2,U0CMD");

        FakeSlack.Call card = SLACK.calls("chat.postMessage").get(0);
        assertThat(card.param("channel")).isEqualTo(channel.id);
        assertThat(card.param("blocks"))
                .contains("\"action_id\":\"incident.ack\"")
                .contains("\"value\":\"" + incident.getId() + "\"")
                .contains("<@U0CMD>")
                .doesNotContain("&lt;@U0CMD");
        FakeSlack.Message cardMessage = SLACK.messages(channel.id).get(0);
        assertThat(channel.pins).containsExactly(cardMessage.ts);
        FakeSlack.Call announcement = SLACK.calls("chat.postMessage").get(1);
        assertThat(announcement.param("channel")).isEqualTo(ANNOUNCE.id);
        assertThat(announcement.param("text"))
                .contains("*INC-" + incident.getNumber() + "*")
                .contains("<#" + channel.id + ">")
                .doesNotContain("<!channel>");
        // the role assigned before the card existed needs no extra edit: the card was rendered afterwards
        assertThat(SLACK.calls("chat.update")).isEmpty();

        SLACK.clear();
        CLOCK.advance(Duration.ofMinutes(4));
        incidents.acknowledge(incident.getId(), Actor.slack("U0CMD", "carol"));
        drain();
        assertThat(SLACK.methods()).containsExactly("chat.update", "conversations.setTopic");
        FakeSlack.Call update = SLACK.calls("chat.update").get(0);
        assertThat(update.param("channel")).isEqualTo(channel.id);
        assertThat(update.param("ts")).isEqualTo(cardMessage.ts);
        assertThat(update.param("blocks")).contains("Acknowledged").doesNotContain("\"action_id\":\"incident.ack\"");
        assertThat(channel.topic).contains("| ACKNOWLEDGED |");

        SLACK.clear();
        CLOCK.advance(Duration.ofMinutes(30));
        incidents.resolve(incident.getId(), Actor.slack("U0CMD", "carol"), "Rolled back the deploy");
        drain();
        assertThat(SLACK.methods()).containsExactly("chat.update", "conversations.setTopic", "chat.postMessage");
        assertThat(SLACK.calls("chat.update").get(0).param("ts")).isEqualTo(cardMessage.ts);
        assertThat(SLACK.calls("chat.postMessage").get(0).param("text"))
                .contains("resolved*")
                .contains("Time to acknowledge: 4m 00s")
                .contains("Time to mitigate: n/a")
                .contains("Time to resolve: 34m 00s")
                .contains("Rolled back the deploy");
        assertThat(SLACK.messages(channel.id)).hasSize(2); // the card (edited in place) and the summary

        SLACK.clear();
        CLOCK.advance(Duration.ofMinutes(59));
        drain();
        assertThat(SLACK.calls("conversations.archive")).isEmpty();
        CLOCK.advance(Duration.ofMinutes(2));
        drain();
        assertThat(SLACK.calls("conversations.archive")).hasSize(1);
        assertThat(channel.archived).isTrue();

        SLACK.clear();
        incidents.reopen(incident.getId(), Actor.api("ops"), "it is back");
        drain();
        // the topic (its own queue) waits for the unarchive, then runs in the same round
        assertThat(SLACK.methods()).containsExactly("conversations.unarchive", "conversations.setTopic", "chat.update");
        assertThat(channel.archived).isFalse();
        assertThat(warnings(incident)).isEmpty();
    }

    @Test
    void aTopicSlackRefusesHoldsBackNeitherTheCardNorTheAnnouncement() {
        SLACK.always("conversations.setTopic", FakeSlack.Reply.error("missing_scope"));
        SLACK.always("conversations.setPurpose", FakeSlack.Reply.error("missing_scope"));
        Incident incident = open("Topic refused", Severity.SEV3);
        drain();
        SLACK.reset("conversations.setTopic");
        SLACK.reset("conversations.setPurpose");

        String channelId = queries.view(incident.getId()).slackChannelId();
        assertThat(channelId).isNotNull();
        assertThat(SLACK.messages(channelId)).as("the status card").hasSize(1);
        assertThat(SLACK.calls("chat.postMessage")).anyMatch(c -> ANNOUNCE.id.equals(c.param("channel")));
        assertThat(tasks.findByIncidentIdOrderById(incident.getId()))
                .filteredOn(t -> t.getKind().equals("slack.set-topic"))
                .singleElement()
                .satisfies(t -> {
                    assertThat(t.getStatus()).isEqualTo(OutboxTask.FAILED);
                    assertThat(t.getQueueKey()).isEqualTo("slack-topic:" + incident.getId());
                    assertThat(t.getLastError()).contains("missing_scope");
                });
        assertThat(tasks.findByIncidentIdOrderById(incident.getId()))
                .filteredOn(t -> t.getQueueKey().equals("slack:" + incident.getId()))
                .allSatisfy(t -> assertThat(t.getStatus()).isEqualTo(OutboxTask.DONE));
    }

    @Test
    void slackDownLongerThanArchiveAfterStillCatchesUpInOrderAndArchivesLast() {
        SLACK.always("conversations.create", Reply.http(503));
        Incident incident = open("Long outage", Severity.SEV2);
        drain();
        CLOCK.advance(Duration.ofMinutes(5));
        incidents.acknowledge(incident.getId(), Actor.api("ops"));
        incidents.resolve(incident.getId(), Actor.api("ops"), "fixed");
        for (int i = 0; i < 8; i++) { // 80 minutes of outage: archive time comes and goes
            CLOCK.advance(Duration.ofMinutes(10));
            drain();
        }
        assertThat(SLACK.okCalls("conversations.create")).isEmpty();
        assertThat(SLACK.calls("conversations.archive")).isEmpty();
        SLACK.reset("conversations.create");
        SLACK.clear();
        for (int i = 0; i < 3; i++) {
            CLOCK.advance(Duration.ofMinutes(5));
            drain();
        }
        String channelId = queries.view(incident.getId()).slackChannelId();
        assertThat(channelId).isNotNull();
        List<String> methods = SLACK.methods();
        assertThat(methods.subList(0, 7))
                .containsExactly(
                        "conversations.create",
                        "conversations.invite",
                        "conversations.setPurpose",
                        "conversations.setTopic",
                        "chat.postMessage",
                        "pins.add",
                        "chat.postMessage");
        assertThat(methods).endsWith("conversations.archive");
        assertThat(SLACK.messages(channelId)).hasSize(2); // card + closing summary, once each
        assertThat(SLACK.messages(channelId).get(1).text).contains("resolved*");
        assertThat(SLACK.channel(channelId).archived).isTrue();
        assertThat(SLACK.okCalls("conversations.create")).hasSize(1);
    }

    @Test
    void aDeletedCardIsPostedAndPinnedAgainOnTheNextChange() {
        Incident incident = open("Card deleted", Severity.SEV3);
        drain();
        String channelId = queries.view(incident.getId()).slackChannelId();
        String oldTs = SLACK.messages(channelId).get(0).ts;
        SLACK.deleteMessage(channelId, oldTs);
        SLACK.clear();
        CLOCK.advance(Duration.ofSeconds(5));
        incidents.acknowledge(incident.getId(), Actor.api("ops"));
        drain();
        assertThat(SLACK.methods())
                .containsExactly("chat.update", "chat.postMessage", "pins.add", "conversations.setTopic");
        assertThat(SLACK.calls("chat.update").get(0).error()).isEqualTo("message_not_found");
        FakeSlack.Message card = SLACK.messages(channelId).get(0);
        assertThat(card.ts).isNotEqualTo(oldTs);
        assertThat(card.blocks).contains("Acknowledged");
        assertThat(SLACK.channel(channelId).pins).containsExactly(card.ts);
        assertThat(channels.find(incident.getId()).orElseThrow().cardTs()).isEqualTo(card.ts);
        assertThat(warnings(incident)).isEmpty();
        // later edits go to the new card
        SLACK.clear();
        CLOCK.advance(Duration.ofSeconds(5));
        incidents.changeSeverity(incident.getId(), Severity.SEV1, Actor.api("ops"));
        drain();
        assertThat(SLACK.calls("chat.update"))
                .singleElement()
                .satisfies(c -> assertThat(c.param("ts")).isEqualTo(card.ts));
    }

    @Test
    void rateLimitWaitsForRetryAfterAndGatesTheMethodMeanwhile() {
        SLACK.script("conversations.create", Reply.rateLimited(20));
        Incident a = open("First", Severity.SEV3);
        Incident b = open("Second", Severity.SEV3);
        drain();
        // A got the 429; B's create was held back by the gate without calling Slack
        assertThat(SLACK.calls("conversations.create")).hasSize(1);
        assertThat(pending(a, SlackTasks.CREATE_CHANNEL).getNotBefore())
                .isEqualTo(CLOCK.instant().plusSeconds(20));
        assertThat(pending(a, SlackTasks.CREATE_CHANNEL).getLastError()).contains("429");
        CLOCK.advance(Duration.ofSeconds(19));
        drain();
        assertThat(SLACK.calls("conversations.create")).hasSize(1);
        CLOCK.advance(Duration.ofSeconds(2));
        drain();
        assertThat(SLACK.okCalls("conversations.create")).hasSize(2);
        assertThat(queries.view(a.getId()).slackChannelId()).isNotNull();
        assertThat(queries.view(b.getId()).slackChannelId()).isNotNull();
        assertThat(errors("conversations.create", "ratelimited")).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void postingRateLimitHoldsBackOnlyThatChannel() {
        SLACK.script("chat.postMessage", Reply.rateLimited(30));
        Incident a = open("Posting A", Severity.SEV3);
        Incident b = open("Posting B", Severity.SEV3);
        drain();
        FakeSlack.Call limited = SLACK.calls("chat.postMessage").get(0);
        assertThat(limited.status()).isEqualTo(429);
        String held = limited.param("channel");
        String other = held.equals(queries.view(a.getId()).slackChannelId())
                ? queries.view(b.getId()).slackChannelId()
                : queries.view(a.getId()).slackChannelId();
        assertThat(SLACK.calls("chat.postMessage", c -> held.equals(c.param("channel"))))
                .hasSize(1);
        assertThat(SLACK.okCalls("chat.postMessage"))
                .extracting(c -> c.param("channel"))
                .containsExactly(other, ANNOUNCE.id);
        CLOCK.advance(Duration.ofSeconds(31));
        drain();
        assertThat(SLACK.okCalls("chat.postMessage"))
                .extracting(c -> c.param("channel"))
                .containsExactly(other, ANNOUNCE.id, held, ANNOUNCE.id);
        assertThat(SLACK.messages(held)).hasSize(1);
    }

    @Test
    void lostCreateResponseThenNameTakenAdoptsOurOwnChannel() {
        SLACK.script("conversations.create", Reply.http(500).afterApplying());
        Incident incident = open("Lost response", Severity.SEV2);
        drain();
        String name = "inc-" + incident.getNumber() + "-lost-response";
        assertThat(SLACK.channelNamed(name)).isNotNull();
        assertThat(queries.view(incident.getId()).slackChannelId()).isNull();
        CLOCK.advance(Duration.ofSeconds(5));
        drain();
        assertThat(SLACK.calls("conversations.create"))
                .extracting(FakeSlack.Call::error)
                .containsExactly("http_500", "name_taken");
        assertThat(SLACK.calls("conversations.list")).hasSize(1);
        assertThat(SLACK.channels())
                .filteredOn(c -> c.name.startsWith("inc-" + incident.getNumber() + "-"))
                .hasSize(1);
        assertThat(queries.view(incident.getId()).slackChannelId()).isEqualTo(SLACK.channelNamed(name).id);
        assertThat(SLACK.calls("chat.postMessage", c -> c.param("channel").equals(SLACK.channelNamed(name).id)))
                .hasSize(1);
    }

    @Test
    void replicaThatDiedMidCreateIsTakenOverAfterItsLeaseAndItsChannelAdopted() {
        Incident incident = open("Crashed replica", Severity.SEV1);
        String name = "inc-" + incident.getNumber() + "-crashed-replica";
        // another replica claimed the task, created the channel, and died before recording it
        int claimed = jdbc.update(
                "UPDATE outbox_task SET lease_owner = 'dead-replica', attempts = 1,"
                        + " lease_until = CURRENT_TIMESTAMP + INTERVAL '2' MINUTE WHERE kind = ? AND incident_id = ?",
                SlackTasks.CREATE_CHANNEL,
                incident.getId());
        assertThat(claimed).isEqualTo(1);
        FakeSlack.Channel orphan = SLACK.addChannel(name, FakeSlack.BOT_USER, "");
        drain();
        // the lease holds: nothing of this incident's queue runs
        assertThat(SLACK.calls("conversations.create", c -> c.param("name").startsWith(name)))
                .isEmpty();
        // its lease runs out (database time)
        jdbc.update("UPDATE outbox_task SET lease_until = CURRENT_TIMESTAMP - INTERVAL '1' SECOND"
                + " WHERE lease_owner = 'dead-replica'");
        CLOCK.advance(Duration.ofMinutes(2).plusSeconds(1));
        drain();
        assertThat(queries.view(incident.getId()).slackChannelId()).isEqualTo(orphan.id);
        assertThat(SLACK.channels())
                .filteredOn(c -> c.name.startsWith("inc-" + incident.getNumber() + "-"))
                .hasSize(1);
        assertThat(orphan.purpose).contains("[firebreak:" + incident.getId() + "]");
        assertThat(SLACK.messages(orphan.id)).hasSize(1);
    }

    @Test
    void nameTakenByAChannelCarryingOurMarkerIsAdopted() {
        Incident incident = open("Marked", Severity.SEV2);
        String name = "inc-" + incident.getNumber() + "-marked";
        FakeSlack.Channel existing =
                SLACK.addChannel(name, "USOMEONE", "Incident [firebreak:" + incident.getId() + "]");
        drain();
        assertThat(queries.view(incident.getId()).slackChannelId()).isEqualTo(existing.id);
        assertThat(SLACK.channels())
                .filteredOn(c -> c.name.startsWith("inc-" + incident.getNumber() + "-"))
                .hasSize(1);
    }

    @Test
    void nameTakenBySomeoneElsesChannelGetsTheNextSuffix() {
        Incident incident = open("Database slow", Severity.SEV2);
        String name = "inc-" + incident.getNumber() + "-database-slow";
        SLACK.addChannel(name, "UHUMAN", "");
        SLACK.addChannel(name + "-2", "UHUMAN", "");
        drain();
        assertThat(SLACK.calls("conversations.create"))
                .extracting(c -> c.param("name"))
                .containsExactly(name, name + "-2", name + "-3");
        assertThat(queries.view(incident.getId()).slackChannelName()).isEqualTo(name + "-3");
        assertThat(channels.find(incident.getId()).orElseThrow().nameAttempt()).isEqualTo(3);
        assertThat(SLACK.channelNamed(name + "-3").topic).contains("Database slow");
    }

    @Test
    void serverErrorsAndTimeoutsRetryUntilSlackAnswers() {
        SLACK.script("conversations.create", Reply.http(500), Reply.http(503));
        SLACK.script("conversations.setTopic", Reply.slow(Duration.ofSeconds(3)));
        Incident incident = open("Flaky Slack", Severity.SEV1);
        for (int i = 0; i < 6; i++) {
            drain();
            CLOCK.advance(Duration.ofSeconds(10));
        }
        assertThat(SLACK.calls("conversations.create")).hasSize(3);
        assertThat(SLACK.okCalls("conversations.create")).hasSize(1);
        assertThat(SLACK.calls("conversations.setTopic")).hasSizeGreaterThanOrEqualTo(2);
        FakeSlack.Channel channel = SLACK.channelNamed("inc-" + incident.getNumber() + "-flaky-slack");
        assertThat(channel.topic).contains("SEV1");
        assertThat(SLACK.messages(channel.id)).hasSize(1);
        assertThat(channel.pins).hasSize(1);
        assertThat(errors("conversations.setTopic", "timeout")).isGreaterThanOrEqualTo(1.0);
        assertThat(errors("conversations.create", "http_500")).isGreaterThanOrEqualTo(1.0);
        assertThat(warnings(incident)).isEmpty();
    }

    @Test
    void postsThatTimedOutButWentThroughAreFoundInHistoryAndNotPostedTwice() {
        // Slack posts the card and the announcement, but answers after our 2 s timeout
        SLACK.script("chat.postMessage", Reply.slow(Duration.ofSeconds(3)), Reply.slow(Duration.ofSeconds(3)));
        Incident incident = open("Slow posts", Severity.SEV2);
        for (int i = 0; i < 4; i++) {
            drain();
            CLOCK.advance(Duration.ofSeconds(10));
        }
        String channelId = queries.view(incident.getId()).slackChannelId();
        assertThat(SLACK.calls("chat.postMessage")).hasSize(2);
        assertThat(SLACK.calls("conversations.history"))
                .extracting(c -> c.param("channel"))
                .containsExactly(channelId, ANNOUNCE.id);
        assertThat(SLACK.messages(channelId)).hasSize(1);
        assertThat(SLACK.channel(channelId).pins)
                .containsExactly(SLACK.messages(channelId).get(0).ts);
        assertThat(SLACK.messages(ANNOUNCE.id))
                .filteredOn(m -> m.text.contains("<#" + channelId + ">"))
                .hasSize(1);
        assertThat(channels.find(incident.getId()).orElseThrow().cardTs())
                .isEqualTo(SLACK.messages(channelId).get(0).ts);
        assertThat(warnings(incident)).isEmpty();
    }

    @Test
    void permanentErrorIsATimelineWarningAndAMetricAndLaterWorkStillRuns() {
        SLACK.script("pins.add", Reply.error("not_in_channel"));
        Incident incident = open("Pin refused", Severity.SEV3);
        drain();
        List<TimelineEntry> warnings = warnings(incident);
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).getText()).contains("slack.post-card").contains("pins.add: not_in_channel");
        assertThat(errors("pins.add", "not_in_channel")).isEqualTo(1.0);
        assertThat(SLACK.calls("chat.postMessage", c -> ANNOUNCE.id.equals(c.param("channel"))))
                .hasSize(1);
    }

    @Test
    void alertBurstBecomesOneCardEditPerInterval() {
        Incident incident = open("Storm", Severity.SEV2);
        drain();
        SLACK.clear();
        for (int i = 0; i < 50; i++) {
            incidents.touched(incident.getId(), "alerts");
        }
        assertThat(tasks.findByIncidentIdOrderById(incident.getId()))
                .filteredOn(t -> t.getKind().equals(SlackTasks.UPDATE_CARD))
                .hasSize(1);
        drain();
        assertThat(SLACK.calls("chat.update")).isEmpty(); // the card was posted less than 1 s ago
        CLOCK.advance(Duration.ofSeconds(1));
        drain();
        assertThat(SLACK.calls("chat.update")).hasSize(1);
        for (int i = 0; i < 50; i++) {
            incidents.touched(incident.getId(), "alerts");
        }
        drain();
        CLOCK.advance(Duration.ofMillis(500));
        drain();
        assertThat(SLACK.calls("chat.update")).hasSize(1);
        CLOCK.advance(Duration.ofMillis(500));
        drain();
        assertThat(SLACK.calls("chat.update")).hasSize(2);
        assertThat(tasks.findByIncidentIdOrderById(incident.getId()))
                .filteredOn(t -> t.getKind().equals(SlackTasks.UPDATE_CARD))
                .hasSize(2)
                .allMatch(t -> t.getStatus().equals(OutboxTask.DONE));
    }

    private Incident open(String title, Severity severity) {
        return incidents.open(NewIncident.declared(title, null, severity, IncidentSource.API), Actor.api("test"));
    }

    /** Runs due tasks until none is due (tasks that retry later wait for the clock). */
    private void drain() {
        worker.drain(100);
    }

    private OutboxTask pending(Incident incident, String kind) {
        return tasks.findByIncidentIdOrderById(incident.getId()).stream()
                .filter(t -> t.getKind().equals(kind) && t.getStatus().equals(OutboxTask.PENDING))
                .findFirst()
                .orElseThrow();
    }

    private List<TimelineEntry> warnings(Incident incident) {
        return timeline.of(incident.getId()).stream()
                .filter(e -> e.getKind().equals(TimelineKinds.INTEGRATION_WARNING))
                .toList();
    }

    private double errors(String method, String error) {
        Counter c = meters.find("firebreak.slack.errors")
                .tag("method", method)
                .tag("error", error)
                .counter();
        return c == null ? 0 : c.count();
    }

    @SuppressWarnings("unused")
    private static UUID id(Incident i) {
        return i.getId();
    }
}
