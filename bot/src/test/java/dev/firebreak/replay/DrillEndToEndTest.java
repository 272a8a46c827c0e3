package dev.firebreak.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.firebreak.integrations.pagerduty.FakePagerDuty;
import dev.firebreak.slack.FakeSlack;
import dev.firebreak.slack.SignedSlackRequests;
import dev.firebreak.support.FirebreakTest;
import dev.firebreak.support.MutableClock;
import dev.firebreak.support.TestClock;
import dev.firebreak.system.outbox.OutboxWorker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A game day through the running bot, against the fake Slack and the fake PagerDuty at the HTTP level: a drill
 * started from Slack plays a capture from {@code firebreak.drills.path}; its incidents are DRILL-n with drill-
 * channels and a banner on the card, page nobody (what would have paged is on the timeline), leave the MTTA/MTTR
 * metrics alone, and are resolved together when the drill is stopped; a real alert afterwards is INC-1 and pages.
 */
@FirebreakTest(
        properties = {
            "firebreak.outbox.enabled=false",
            "firebreak.api.token=test-token",
            "firebreak.alertmanager.bearer-token=am-token",
            "firebreak.slack.signing-secret=" + DrillEndToEndTest.SECRET,
            "firebreak.drills.poll-interval=1h"
        })
@Import(TestClock.class)
class DrillEndToEndTest {

    static final String SECRET = "drill-signing-secret-0123456789";
    static final MutableClock CLOCK = TestClock.startingAt(Instant.parse("2026-12-01T06:00:00Z"));
    static final FakeSlack SLACK = new FakeSlack(CLOCK);
    static final FakePagerDuty PD = new FakePagerDuty();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Path CAPTURES = captures();

    @DynamicPropertySource
    static void vendors(DynamicPropertyRegistry registry) {
        registry.add("firebreak.slack.bot-token", () -> "xoxb-drill");
        registry.add("firebreak.slack.api-url", SLACK::url);
        registry.add("firebreak.pagerduty.events-url", PD::eventsBaseUrl);
        registry.add("firebreak.pagerduty.client-retries", () -> "0");
        registry.add("firebreak.pagerduty.routing.default-routing-key", () -> FakePagerDuty.ROUTING_KEY);
        registry.add("firebreak.drills.path", CAPTURES::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    DrillPlayer player;

    @Autowired
    Drills drills;

    @Autowired
    OutboxWorker worker;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry registry;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterAll
    static void close() throws IOException {
        PD.close();
        SLACK.close();
    }

    @Test
    void aDrillFromSlackOpensDrillIncidentsThatPageNobodyAndStopsTogether() throws Exception {
        long timedBefore = timed();

        String started = slash("drill start gameday 60", "start");
        assertThat(started).contains("Drill *gameday* started").contains("3 notifications at 60x");
        UUID drill = drills.running().get(0);
        CLOCK.advance(Duration.ofHours(1));
        player.drain();
        assertThat(drills.get(drill).orElseThrow().played()).isEqualTo(3);
        worker.drain(20);

        // DRILL-n incidents, numbered apart, found by their reference.
        List<Long> numbers = jdbc.queryForList("SELECT number FROM incident ORDER BY number DESC", Long.class);
        assertThat(numbers).containsExactly(-1L, -2L);
        JsonNode one = JSON.readTree(get("/api/incidents/DRILL-1"));
        assertThat(one.path("reference").asString()).isEqualTo("DRILL-1");
        assertThat(one.path("status").asString()).isEqualTo("RESOLVED"); // the capture resolves its group
        assertThat(JSON.readTree(get("/api/incidents/DRILL-2")).path("status").asString())
                .isEqualTo("TRIGGERED");

        // Slack: drill- channels with a banner on the card; no inc- channel.
        assertThat(SLACK.channels())
                .extracting(c -> c.name)
                .containsExactlyInAnyOrder("drill-1-checkout-5xx-ratio-above-5", "drill-2-disk-91");
        FakeSlack.Channel channel = SLACK.channelNamed("drill-2-disk-91");
        assertThat(channel.pins).hasSize(1);
        assertThat(SLACK.message(channel.id, channel.pins.get(0)).blocks)
                .contains("DRILL-2")
                .contains("*DRILL*")
                .contains("Nobody was paged");

        // PagerDuty: nothing sent; what would have paged is on the timeline.
        assertThat(PD.events()).isEmpty();
        assertThat(get("/api/incidents/DRILL-1/timeline")).contains("Drill: would have paged default via PagerDuty");

        // Stop from Slack: the rest resolves together; still no page, and MTTA/MTTR saw nothing.
        String stopped = slash("drill stop", "stop");
        assertThat(stopped)
                .contains("stopped")
                .contains("3 of 3 notifications played")
                .contains("DRILL-2");
        worker.drain(20);
        assertThat(JSON.readTree(get("/api/incidents/DRILL-2")).path("status").asString())
                .isEqualTo("RESOLVED");
        assertThat(PD.events()).isEmpty();
        assertThat(timed()).isEqualTo(timedBefore);
        JsonNode report =
                JSON.readTree(get("/api/metrics/incidents?from=2026-11-01T00:00:00Z&to=2026-12-02T00:00:00Z"));
        assertThat(report.path("overall").path("incidents").intValue()).isZero();

        // A real alert afterwards is INC-1 and pages as usual.
        assertThat(postWebhook(fixture("firing-two-pods.json"))).contains("\"incident\":\"INC-1\"");
        worker.drain(20);
        assertThat(PD.events())
                .extracting(e -> e.path("event_action").asString())
                .containsExactly("trigger");
        assertThat(SLACK.channels()).extracting(c -> c.name).contains("inc-1-checkout-5xx-ratio-above-5");
    }

    @Test
    void aDrillFromTheApiWithACaptureInTheBody() throws Exception {
        String capture = fixture("behaviour/07-ha-split-brain-am1.json").replace('\n', ' ') + "\n";
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/api/drills?name=api-drill&speed=10"))
                        .header("Authorization", "Bearer test-token")
                        .header("Content-Type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofString(capture))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode view = JSON.readTree(r.body());
        assertThat(view.path("notifications").intValue()).isEqualTo(1);
        HttpResponse<String> bad = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/api/drills?speed=0"))
                        .header("Authorization", "Bearer test-token")
                        .header("Content-Type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofString(capture))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("speed must be between 1 and");
        HttpResponse<String> stop = http.send(
                HttpRequest.newBuilder(URI.create(
                                base() + "/api/drills/" + view.path("id").asString() + "/stop"))
                        .header("Authorization", "Bearer test-token")
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(stop.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(stop.body()).path("status").asString()).isEqualTo("STOPPED");
    }

    private long timed() {
        return registry.find("firebreak.incident.time.to.resolve").timers().stream()
                        .mapToLong(Timer::count)
                        .sum()
                + registry.find("firebreak.incident.time.to.acknowledge").timers().stream()
                        .mapToLong(Timer::count)
                        .sum();
    }

    private String slash(String text, String responseId) throws Exception {
        SignedSlackRequests signed = new SignedSlackRequests(SECRET, port);
        HttpResponse<String> ack = signed.send(
                SignedSlackRequests.form(SignedSlackRequests.slashCommand(
                        "/incident", text, "CGAMEDAY", "U1", SLACK.responseUrl(responseId))),
                "application/x-www-form-urlencoded",
                CLOCK.instant().getEpochSecond(),
                java.util.Map.of());
        assertThat(ack.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> !SLACK.responses(responseId).isEmpty());
        return SLACK.responses(responseId).get(0);
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private String get(String path) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(base() + path))
                        .header("Authorization", "Bearer test-token")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return r.body();
    }

    private String postWebhook(String body) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/webhooks/alertmanager"))
                        .header("Authorization", "Bearer am-token")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    static String fixture(String name) {
        try (InputStream in = DrillEndToEndTest.class.getResourceAsStream("/fixtures/alertmanager/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The drills folder with one hand-made capture: a checkout group that fires and resolves, and a disk warning. */
    private static Path captures() {
        try {
            Path dir = Files.createTempDirectory("firebreak-drills");
            Files.writeString(
                    dir.resolve("gameday.ndjson"),
                    String.join(
                                    "\n",
                                    fixture("firing-two-pods.json").replace('\n', ' '),
                                    fixture("behaviour/02-firing-bearer.json").replace('\n', ' '),
                                    fixture("group-resolved.json").replace('\n', ' '))
                            + "\n");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
