package dev.firebreak.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentManagement;
import dev.firebreak.incident.IncidentQueries;
import dev.firebreak.slack.FakeSlack;
import dev.firebreak.slack.SignedSlackRequests;
import dev.firebreak.support.FirebreakTest;
import dev.firebreak.support.HttpTestClient;
import dev.firebreak.system.outbox.OutboxWorker;
import dev.firebreak.timeline.Timeline;
import dev.firebreak.timeline.TimelineKinds;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 9, Slack requests through the real {@code POST /slack/events} against {@link FakeSlack}:
 * defect 5 (a signed slash command replayed within the 5-minute window ran again) and defect 7 (a role holder
 * rendered as literal text and returned by the API as a mention instead of a user id).
 */
@FirebreakTest(
        properties = {
            "firebreak.slack.bot-token=xoxb-test",
            "firebreak.slack.signing-secret=" + SlackRequestsTest.SECRET,
            "firebreak.slack.card-update-interval=10ms",
            "firebreak.api.token=test-token",
            "firebreak.outbox.enabled=false"
        })
class SlackRequestsTest {

    static final String SECRET = "hardening-signing-secret-0123456789";
    static final String FORM = "application/x-www-form-urlencoded";
    static final FakeSlack SLACK = new FakeSlack();

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
    IncidentManagement incidents;

    @Autowired
    IncidentQueries queries;

    @Autowired
    Timeline timeline;

    @Autowired
    OutboxWorker worker;

    @Autowired
    JdbcTemplate jdbc;

    SignedSlackRequests slack;

    @BeforeEach
    void setUp() {
        slack = new SignedSlackRequests(SECRET, port);
    }

    @Test
    void aReplayedSignedCommandIsRefusedAndRunsOnce() throws Exception {
        Incident incident = incidentWithChannel("Replay target");
        String channel = queries.view(incident.getId()).slackChannelId();
        String body = SignedSlackRequests.form(SignedSlackRequests.slashCommand(
                "/incident", "note replayed once", channel, "U1", SLACK.responseUrl("replay")));
        long ts = Instant.now().getEpochSecond();

        HttpResponse<String> first = slack.send(body, FORM, ts, Map.of());
        HttpResponse<String> second = slack.send(body, FORM, ts, Map.of());
        HttpResponse<String> third = slack.send(body, FORM, ts, Map.of());

        assertThat(first.statusCode()).isEqualTo(200);
        for (HttpResponse<String> replay : List.of(second, third)) {
            assertThat(replay.statusCode()).isEqualTo(401);
            assertThat(replay.body()).contains("\"error\":\"unauthorized\"").contains("replayed");
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !SLACK.responses("replay").isEmpty());
        // The accepted signature is remembered in the database (shared by replicas), not in this process.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM slack_request_seen", Long.class))
                .isPositive();
        // The same command sent again by Slack is a new request (new timestamp): accepted.
        assertThat(slack.send(body, FORM, ts + 1, Map.of()).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> SLACK.responses("replay").size() == 2);
        assertThat(SLACK.responses("replay")).hasSize(2);
        assertThat(timeline.of(incident.getId()))
                .filteredOn(e -> e.getKind().equals(TimelineKinds.NOTE))
                .extracting(e -> e.getText())
                .containsExactly("replayed once", "replayed once");
    }

    @Test
    void roleHoldersAreUserIdsInTheApiAndMentionsOnTheCard() throws Exception {
        Incident incident = incidentWithChannel("Roles");
        String channel = queries.view(incident.getId()).slackChannelId();
        HttpResponse<String> assigned = slack.send(
                SignedSlackRequests.form(SignedSlackRequests.slashCommand(
                        "/incident", "assign scribe <@U0BOB|bob>", channel, "U1", SLACK.responseUrl("assign"))),
                FORM);
        assertThat(assigned.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !SLACK.responses("assign").isEmpty());
        assertThat(SLACK.responses("assign").get(0)).contains("<@U0BOB> is now scribe");

        HttpTestClient.Response view =
                HttpTestClient.on(port).bearer("test-token").get("/api/incidents/" + incident.reference());
        assertThat(view.json().get("scribe").stringValue()).isEqualTo("U0BOB");

        // The card is re-rendered with a real mention (Slack shows the person), not the escaped literal.
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            drain();
            return SLACK.calls("chat.update").stream()
                    .anyMatch(
                            c -> c.param("blocks") != null && c.param("blocks").contains("*Scribe*\\n<@U0BOB>"));
        });
        assertThat(SLACK.calls("chat.update"))
                .noneMatch(c -> c.param("blocks") != null && c.param("blocks").contains("&lt;@U0BOB&gt;"));

        HttpResponse<String> status = slack.send(
                SignedSlackRequests.form(SignedSlackRequests.slashCommand(
                        "/incident", "status", channel, "U1", SLACK.responseUrl("status"))),
                FORM);
        assertThat(status.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !SLACK.responses("status").isEmpty());
        assertThat(SLACK.responses("status").get(0))
                .contains("Scribe: <@U0BOB>")
                .doesNotContain("&lt;@U0BOB");
    }

    private Incident incidentWithChannel(String title) {
        HttpTestClient.Response declared = HttpTestClient.on(port)
                .bearer("test-token")
                .post("/api/incidents", "{\"title\":\"" + title + "\",\"severity\":\"SEV3\"}");
        assertThat(declared.status()).as(declared.body()).isEqualTo(201);
        UUID id = UUID.fromString(declared.json().get("id").stringValue());
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            drain();
            return queries.view(id).slackChannelId() != null;
        });
        drain();
        return incidents.get(id);
    }

    private void drain() {
        for (int i = 0; i < 100 && worker.runDueTasks() > 0; i++) {
            // keep going
        }
    }
}
