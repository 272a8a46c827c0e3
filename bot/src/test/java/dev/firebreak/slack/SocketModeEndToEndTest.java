package dev.firebreak.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentQueries;
import dev.firebreak.incident.IncidentSource;
import dev.firebreak.incident.IncidentStatus;
import dev.firebreak.incident.IncidentView;
import dev.firebreak.incident.Incidents;
import dev.firebreak.incident.Severity;
import dev.firebreak.slack.bolt.SlackSocketMode;
import dev.firebreak.support.FirebreakTest;
import dev.firebreak.support.MutableClock;
import dev.firebreak.support.TestClock;
import dev.firebreak.system.outbox.OutboxWorker;
import dev.firebreak.timeline.Timeline;
import dev.firebreak.timeline.TimelineEntry;
import dev.firebreak.timeline.TimelineKinds;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Socket Mode end to end: a local WebSocket server plays Slack's side ({@link SlackSocketServer}; {@link FakeSlack}'s
 * {@code apps.connections.open} hands out its {@code ws://127.0.0.1} URL). After {@code hello} it sends a slash
 * command, a block action and an Events API envelope; each is acknowledged by its {@code envelope_id} and does what
 * the same request over HTTP does (incident, timeline, Slack calls). Then Slack drops the connection: the bot asks
 * for a new URL, connects again and keeps working.
 */
@FirebreakTest(
        properties = {
            "firebreak.slack.bot-token=xoxb-test",
            "firebreak.slack.app-token=xapp-1-test",
            "firebreak.slack.signing-secret=socket-mode-needs-no-signatures-0123",
            "firebreak.outbox.enabled=false"
        })
@Import(TestClock.class)
class SocketModeEndToEndTest {

    static final MutableClock CLOCK = TestClock.startingAt(Instant.now());
    static final FakeSlack SLACK = new FakeSlack(CLOCK);
    static final SlackSocketServer SOCKET = new SlackSocketServer();
    static final AtomicInteger SEQ = new AtomicInteger();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration WAIT = Duration.ofSeconds(30);

    static {
        SLACK.socketModeUrl(SOCKET::url);
        SLACK.addUser("U1", "alice", "alice@example.com");
        SLACK.addUser("U7", "carol", "carol@example.com");
    }

    @DynamicPropertySource
    static void slack(DynamicPropertyRegistry registry) {
        registry.add("firebreak.slack.api-url", SLACK::url);
    }

    @AfterAll
    static void stopServers() throws Exception {
        SOCKET.close();
        SLACK.close();
    }

    @Autowired
    SlackSocketMode socketMode;

    @Autowired
    Incidents incidents;

    @Autowired
    IncidentQueries queries;

    @Autowired
    Timeline timeline;

    @Autowired
    OutboxWorker worker;

    @Test
    void commandsButtonsAndEventsArriveOverTheWebSocketAndSurviveAReconnect() throws Exception {
        await().atMost(WAIT).until(SOCKET::connected);
        // Bolt asks for a URL with the app token (its client may ask twice while starting) and holds one connection.
        assertThat(SLACK.calls("apps.connections.open"))
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.authorization()).isEqualTo("Bearer xapp-1-test"));
        assertThat(SOCKET.openConnections()).isEqualTo(1);
        int urlsAtStart = SLACK.calls("apps.connections.open").size();
        int connectionsAtStart = SOCKET.connectionsMade();

        // A slash command declares an incident; the reply goes to the response_url, as over HTTP.
        String declared = slashCommand("declare Socket Mode checkout down sev2", "CGENERAL");
        assertThat(reply(declared)).contains("Declared *INC-");
        Incident incident = incidents.findAll().stream()
                .filter(i -> i.getTitle().equals("Socket Mode checkout down"))
                .findFirst()
                .orElseThrow();
        assertThat(incident.getSeverity()).isEqualTo(Severity.SEV2);
        assertThat(incident.getSource()).isEqualTo(IncidentSource.SLACK);
        assertThat(timeline.of(incident.getId()).get(0).getActorRef()).isEqualTo("slack:U1");

        // The real delivery makes its channel and card (the outbox, drained here).
        drain();
        IncidentView view = queries.view(incident.getId());
        String channel = view.slackChannelId();
        assertThat(channel).isNotNull();
        assertThat(SLACK.channel(channel).pins).hasSize(1);

        // The card's Acknowledge button.
        String acked = blockAction(SlackActions.ACKNOWLEDGE, incident.getId().toString(), channel);
        reply(acked);
        assertThat(queries.view(incident.getId()).status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(timeline.latest(incident.getId(), 1).get(0).getActorRef()).isEqualTo("slack:U1");

        // A :pushpin: reaction (Events API) puts a person's message on the timeline.
        String ts = "1714000000.123456";
        SLACK.personWrites(channel, ts, "U7", "Rolled back to v41", false);
        String eventEnvelope = envelope();
        SOCKET.send(
                "events_api",
                eventEnvelope,
                Map.of(
                        "token",
                        "x",
                        "team_id",
                        "T1",
                        "api_app_id",
                        "A1",
                        "type",
                        "event_callback",
                        "event_id",
                        "EvSocket" + SEQ.incrementAndGet(),
                        "event_time",
                        1714000100,
                        "authorizations",
                        List.of(),
                        "event",
                        Map.of(
                                "type",
                                "reaction_added",
                                "user",
                                "U1",
                                "reaction",
                                "pushpin",
                                "item_user",
                                "U7",
                                "item",
                                Map.of("type", "message", "channel", channel, "ts", ts),
                                "event_ts",
                                "1714000100.000100")),
                false);
        await().atMost(WAIT).until(() -> !SOCKET.acknowledgements(eventEnvelope).isEmpty());
        drain();
        List<TimelineEntry> pinned = timeline.of(incident.getId()).stream()
                .filter(e -> e.getKind().equals(TimelineKinds.SLACK_MESSAGE))
                .toList();
        assertThat(pinned).singleElement().satisfies(e -> {
            assertThat(e.getText()).isEqualTo("Rolled back to v41");
            assertThat(e.getActor()).isEqualTo("carol");
        });

        // Slack drops the connection: the bot asks for a new URL, gets hello again and keeps working.
        SOCKET.dropAll();
        await().atMost(WAIT).until(() -> SOCKET.connectionsMade() > connectionsAtStart && SOCKET.connected());
        assertThat(SLACK.calls("apps.connections.open")).hasSizeGreaterThan(urlsAtStart);
        assertThat(SOCKET.openConnections()).isEqualTo(1);
        assertThat(socketMode.connected()).isTrue();

        String resolved = slashCommand("resolve rolled back over a new connection", channel);
        assertThat(reply(resolved)).contains(incident.reference());
        IncidentView after = queries.view(incident.getId());
        assertThat(after.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(after.summary()).isEqualTo("rolled back over a new connection");
    }

    /** Sends {@code /incident <text>} in a channel; returns the response_url id after checking the ack. */
    private String slashCommand(String text, String channel) {
        String id = "socket" + SEQ.incrementAndGet();
        String envelope = envelope();
        SOCKET.send(
                "slash_commands",
                envelope,
                SignedSlackRequests.slashCommand("/incident", text, channel, "U1", SLACK.responseUrl(id)),
                true);
        awaitAcknowledged(envelope);
        return id;
    }

    private String blockAction(String actionId, String value, String channel) {
        String id = "socket" + SEQ.incrementAndGet();
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("action_id", actionId);
        action.put("block_id", "card-actions");
        action.put("type", "button");
        action.put("value", value);
        action.put("action_ts", "1714000000.000001");
        String envelope = envelope();
        SOCKET.send(
                "interactive",
                envelope,
                Map.of(
                        "type",
                        "block_actions",
                        "user",
                        Map.of("id", "U1", "username", "alice", "name", "alice", "team_id", "T1"),
                        "api_app_id",
                        "A1",
                        "token",
                        "x",
                        "trigger_id",
                        "1.2.3",
                        "team",
                        Map.of("id", "T1", "domain", "firebreak-test"),
                        "container",
                        Map.of("type", "message", "message_ts", "1714000000.000100", "channel_id", channel),
                        "channel",
                        Map.of("id", channel, "name", "inc"),
                        "response_url",
                        SLACK.responseUrl(id),
                        "actions",
                        List.of(action)),
                false);
        awaitAcknowledged(envelope);
        return id;
    }

    /**
     * Runs every outbox task that is due now or will be within the next minutes (card edits are coalesced to one
     * per interval, so one may wait its turn ahead of the task under test): the test clock moves instead of a sleep.
     */
    private void drain() {
        worker.drain(20);
        for (int i = 0; i < 10; i++) {
            CLOCK.advance(Duration.ofSeconds(30));
            if (worker.drain(20) == 0) {
                return;
            }
        }
    }

    private static String envelope() {
        return "env-" + SEQ.incrementAndGet() + "-" + java.util.UUID.randomUUID();
    }

    private static void awaitAcknowledged(String envelopeId) {
        await().atMost(WAIT).until(() -> !SOCKET.acknowledgements(envelopeId).isEmpty());
        assertThat(SOCKET.acknowledgements(envelopeId)).hasSize(1);
    }

    /** The text posted to the response_url (the command's work is done once it is there). */
    private static String reply(String responseId) {
        await().atMost(WAIT).until(() -> !SLACK.responses(responseId).isEmpty());
        return JSON.readTree(SLACK.responses(responseId).get(0)).path("text").asString();
    }
}
