package dev.firebreak.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.firebreak.integrations.pagerduty.FakePagerDuty;
import dev.firebreak.runbook.RunbookEngine;
import dev.firebreak.slack.FakeSlack;
import dev.firebreak.slack.SignedSlackRequests;
import dev.firebreak.support.FirebreakTest;
import dev.firebreak.support.HttpTestClient;
import dev.firebreak.support.MutableClock;
import dev.firebreak.support.TestClock;
import dev.firebreak.system.outbox.OutboxWorker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Issue 14's drill safety through the running bot (H2, or PostgreSQL under {@code -Ppostgres}), at the HTTP level
 * against the fake Slack and the fake PagerDuty: a drill started with {@code POST /api/drills} opens DRILL-n incidents
 * with {@code drill-} channels and a banner on the card; its page goes to the drill routing key only; its runbook
 * (automatic, and started through the API) runs as a dry run that says why and changes nothing; acknowledging,
 * mitigating and stopping it (which resolves its incidents together) leave every incident, page and runbook series
 * of {@code /actuator/prometheus} and {@code GET /api/metrics/incidents} exactly as they were. A real alert
 * afterwards moves them, so the comparison can fail.
 */
@FirebreakTest(
        properties = {
            "firebreak.outbox.enabled=false",
            "firebreak.api.token=test-token",
            "firebreak.alertmanager.bearer-token=am-token",
            "firebreak.slack.signing-secret=" + DrillSafetyTest.SECRET,
            "firebreak.drills.poll-interval=1h",
            "firebreak.drills.routing-key=" + DrillFixtures.DRILL_ROUTING_KEY,
            "firebreak.runbooks.library=false",
            "firebreak.runbooks.http.allowed-hosts=127.0.0.1",
            "firebreak.runbooks.http.allowed-networks=127.0.0.0/8"
        })
@Import(TestClock.class)
class DrillSafetyTest {

    static final MutableClock CLOCK = TestClock.startingAt(Instant.parse("2026-12-01T06:00:00Z"));
    static final FakeSlack SLACK = new FakeSlack(CLOCK);
    static final FakePagerDuty PD = new FakePagerDuty();
    static final DrillFixtures.Target TARGET = new DrillFixtures.Target();
    static final String SECRET = "drill-safety-signing-secret-0123";
    static final String REPORT = "/api/metrics/incidents?from=2026-11-01T00:00:00Z&to=2026-12-31T00:00:00Z";

    @DynamicPropertySource
    static void vendors(DynamicPropertyRegistry registry) {
        PD.addRoutingKey(DrillFixtures.DRILL_ROUTING_KEY);
        registry.add("firebreak.slack.bot-token", () -> "xoxb-drill");
        registry.add("firebreak.slack.api-url", SLACK::url);
        registry.add("firebreak.pagerduty.events-url", PD::eventsBaseUrl);
        registry.add("firebreak.pagerduty.client-retries", () -> "0");
        registry.add("firebreak.pagerduty.routing.default-routing-key", () -> FakePagerDuty.ROUTING_KEY);
        registry.add("firebreak.runbooks.path", () -> DrillFixtures.runbooks(TARGET));
    }

    @LocalServerPort
    int port;

    @Autowired
    DrillPlayer player;

    @Autowired
    OutboxWorker worker;

    @Autowired
    RunbookEngine engine;

    @AfterAll
    static void close() throws Exception {
        PD.close();
        SLACK.close();
        TARGET.close();
    }

    @Test
    void aDrillPagesNobodyRunsRunbooksDryAndMovesNoMetric() throws Exception {
        Map<String, String> before = DrillFixtures.guardedSeries(port);
        String reportBefore = api().get(REPORT).body();

        // Start from the API with the capture in the body; play it all.
        HttpTestClient.Response started =
                api().send("/api/drills?name=safety&speed=60", "POST", "application/x-ndjson", DrillFixtures.capture());
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String drillId = started.json().path("id").asString();
        CLOCK.advance(Duration.ofHours(1));
        player.drain();
        worker.drain(50);

        // DRILL-n incidents, marked as drills in the read model.
        JsonNode errors = incident("DRILL-1");
        JsonNode disk = incident("DRILL-2");
        assertThat(errors.path("drill").booleanValue()).isTrue();
        assertThat(disk.path("drill").booleanValue()).isTrue();
        assertThat(errors.path("title").asString()).containsIgnoringCase("checkout");

        // Slack: drill- channels, the DRILL banner on the cards.
        assertThat(SLACK.channels())
                .extracting(c -> c.name)
                .containsExactlyInAnyOrder("drill-1-checkout-5xx-ratio-above-5", "drill-2-disk-91");
        for (String name : List.of("drill-1-checkout-5xx-ratio-above-5", "drill-2-disk-91")) {
            FakeSlack.Channel channel = SLACK.channelNamed(name);
            assertThat(channel.pins).hasSize(1);
            assertThat(SLACK.message(channel.id, channel.pins.get(0)).blocks)
                    .contains("drill-banner")
                    .contains("*DRILL*");
        }

        // PagerDuty: the critical drill incident paged the drill service, and nothing reached the real routing key.
        assertThat(PD.events()).isNotEmpty();
        assertThat(PD.events())
                .extracting(e -> e.path("routing_key").asString())
                .containsOnly(DrillFixtures.DRILL_ROUTING_KEY);
        assertThat(PD.events())
                .extracting(e -> e.path("event_action").asString())
                .contains("trigger");

        // The runbook started by itself, as a dry run that says why; and one started through the API as well.
        HttpTestClient.Response asked = api().post(
                        "/api/incidents/DRILL-2/runbook-runs", "{\"runbook\":\"restart-checkout\",\"dryRun\":false}");
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        assertThat(asked.json().path("dryRun").booleanValue()).isTrue();
        assertThat(asked.json().path("dryRunReason").asString()).isEqualTo("drill incident");
        String fromSlack = slash("runbook run restart-checkout", SLACK.channelNamed("drill-2-disk-91").id);
        assertThat(fromSlack).contains("Dry run #").contains("(dry run: drill incident)");
        JsonNode auto = finishedRuns("DRILL-1", 1).get(0);
        List<JsonNode> manual = finishedRuns("DRILL-2", 2);
        assertThat(manual).extracting(r -> r.path("requestedVia").asString()).containsExactly("api", "slack");
        for (JsonNode run : List.of(auto, manual.get(0), manual.get(1))) {
            assertThat(run.path("status").asString()).isEqualTo("SUCCEEDED");
            assertThat(run.path("dryRun").booleanValue()).isTrue();
            assertThat(run.path("dryRunReason").asString()).isEqualTo("drill incident");
            assertThat(run.path("steps").get(0).path("planned").isNull()).isFalse();
        }
        assertThat(auto.path("requestedVia").asString()).isEqualTo("auto");
        assertThat(TARGET.requests).as("a dry run sends nothing").isEmpty();
        assertThat(api().get("/api/incidents/DRILL-1/timeline").body())
                .contains("restart-checkout run #" + auto.path("id").longValue() + " (dry run: drill incident)");

        // People work the drill incidents; then the drill stops and resolves them together.
        assertThat(status("DRILL-1", "ACKNOWLEDGED")).isEqualTo(200);
        CLOCK.advance(Duration.ofMinutes(3));
        assertThat(status("DRILL-2", "MITIGATED")).isEqualTo(200);
        CLOCK.advance(Duration.ofMinutes(7));
        HttpTestClient.Response stopped = api().send("/api/drills/" + drillId + "/stop", "POST", null, "");
        assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
        assertThat(stopped.json().path("status").asString()).isEqualTo("STOPPED");
        worker.drain(50);
        assertThat(incident("DRILL-1").path("status").asString()).isEqualTo("RESOLVED");
        assertThat(incident("DRILL-2").path("status").asString()).isEqualTo("RESOLVED");
        assertThat(incident("DRILL-1").path("resolvedAt").asString())
                .isEqualTo(incident("DRILL-2").path("resolvedAt").asString());
        assertThat(PD.events())
                .extracting(e -> e.path("routing_key").asString())
                .containsOnly(DrillFixtures.DRILL_ROUTING_KEY);

        // Not one incident, page or runbook series moved; nor the MTTx report.
        Map<String, String> after = DrillFixtures.guardedSeries(port);
        assertThat(DrillFixtures.counters(after)).isEqualTo(DrillFixtures.counters(before));
        assertThat(api().get(REPORT).body()).isEqualTo(reportBefore);

        // A real alert afterwards: INC-1 pages the real routing key, runs its runbook for real, and the series move.
        HttpTestClient.Response real = HttpTestClient.on(port)
                .bearer("am-token")
                .post("/webhooks/alertmanager", DrillEndToEndTest.fixture("firing-two-pods.json"));
        assertThat(real.body()).contains("\"incident\":\"INC-1\"");
        worker.drain(50);
        String severity = incident("INC-1").path("severity").asString();
        assertThat(PD.events())
                .extracting(e -> e.path("routing_key").asString())
                .contains(FakePagerDuty.ROUTING_KEY);
        JsonNode realRun = finishedRuns("INC-1", 1).get(0);
        assertThat(realRun.path("dryRun").booleanValue()).isFalse();
        assertThat(TARGET.requests).containsExactly("POST /restart restart INC-1");
        Map<String, String> moved = DrillFixtures.counters(DrillFixtures.guardedSeries(port));
        Map<String, String> expected = new TreeMap<>(DrillFixtures.counters(before));
        expected.put(
                "firebreak_incidents_opened_total{severity=\"" + severity + "\"}",
                plusOne(expected.get("firebreak_incidents_opened_total{severity=\"" + severity + "\"}")));
        expected.put(
                "firebreak_pages_sent_total{severity=\"" + severity + "\",via=\"trigger\"}",
                plusOne(expected.get("firebreak_pages_sent_total{severity=\"" + severity + "\",via=\"trigger\"}")));
        expected.put(
                "firebreak_runbook_runs_total{outcome=\"succeeded\",runbook=\"restart-checkout\"}",
                plusOne(expected.get(
                        "firebreak_runbook_runs_total{outcome=\"succeeded\",runbook=\"restart-checkout\"}")));
        assertThat(moved).isEqualTo(expected);
        assertThat(api().get(REPORT).json().path("overall").path("incidents").intValue())
                .isEqualTo(1);

        // The incidents gauge (refreshed every 5 s): once it counts INC-1, it counts no drill incident.
        String triggered = "firebreak_incidents{severity=\"" + severity + "\",status=\"TRIGGERED\"}";
        Map<String, String> gaugeExpected = new TreeMap<>(DrillFixtures.gauge(before));
        gaugeExpected.put(triggered, plusOne(gaugeExpected.get(triggered)));
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> gaugeExpected
                        .get(triggered)
                        .equals(DrillFixtures.gauge(DrillFixtures.guardedSeries(port))
                                .get(triggered)));
        assertThat(DrillFixtures.gauge(DrillFixtures.guardedSeries(port))).isEqualTo(gaugeExpected);
    }

    /** The incident's runs, oldest first, once there are {@code count} and all have finished. */
    private List<JsonNode> finishedRuns(String ref, int count) {
        List<String> done = List.of("SUCCEEDED", "FAILED", "CANCELLED", "INTERRUPTED", "DENIED");
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            engine.runDue();
            JsonNode runs = api().get("/api/incidents/" + ref + "/runbook-runs").json();
            return runs.size() == count
                    && runs.valueStream()
                            .allMatch(r -> done.contains(r.path("status").asString()));
        });
        return api().get("/api/incidents/" + ref + "/runbook-runs")
                .json()
                .valueStream()
                .toList();
    }

    /** A signed {@code /incident} command from U1 in {@code channel}; its ephemeral answer. */
    private String slash(String text, String channel) throws Exception {
        String responseId = "r-" + text.hashCode();
        java.net.http.HttpResponse<String> ack = new SignedSlackRequests(SECRET, port)
                .send(
                        SignedSlackRequests.form(SignedSlackRequests.slashCommand(
                                "/incident", text, channel, "U1", SLACK.responseUrl(responseId))),
                        "application/x-www-form-urlencoded",
                        CLOCK.instant().getEpochSecond(),
                        Map.of());
        assertThat(ack.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !SLACK.responses(responseId).isEmpty());
        return SLACK.responses(responseId).get(0);
    }

    private static String plusOne(String value) {
        return String.valueOf(Double.parseDouble(value == null ? "0" : value) + 1);
    }

    private int status(String ref, String status) {
        return api().post("/api/incidents/" + ref + "/status", "{\"status\":\"" + status + "\"}")
                .status();
    }

    private JsonNode incident(String ref) {
        HttpTestClient.Response r = api().get("/api/incidents/" + ref);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private HttpTestClient api() {
        return HttpTestClient.on(port).bearer("test-token");
    }
}
