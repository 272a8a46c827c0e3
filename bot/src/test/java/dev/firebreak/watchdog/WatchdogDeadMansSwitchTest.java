package dev.firebreak.watchdog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.integrations.pagerduty.FakePagerDuty;
import dev.firebreak.support.FirebreakTest;
import dev.firebreak.support.MutableClock;
import dev.firebreak.support.TestClock;
import dev.firebreak.system.outbox.OutboxWorker;
import dev.firebreak.system.scheduling.JobLeases;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The dead man's switch end to end, against the PagerDuty fake: Watchdog notifications through the real webhook are
 * heartbeats (no incident); silence longer than the timeout pages PagerDuty directly once (Events v2, one dedup key
 * per watchdog), the check runs only on the replica holding the job lease, and returning heartbeats resolve the page.
 * The scheduler is kept out of the way (check-interval 1 h); the test runs the check itself and drains the outbox.
 */
@FirebreakTest(
        properties = {
            "firebreak.outbox.enabled=false",
            "firebreak.alertmanager.bearer-token=am-token",
            "firebreak.watchdog.timeout=5m",
            "firebreak.watchdog.check-interval=1h",
            "firebreak.pagerduty.client-retries=0"
        })
@Import(TestClock.class)
class WatchdogDeadMansSwitchTest {

    static final FakePagerDuty PD = new FakePagerDuty();
    static final MutableClock CLOCK = TestClock.startingAt(Instant.parse("2026-11-28T06:00:00Z"));
    static final String WATCHDOG = "Watchdog{prometheus=\"monitoring/k8s\",severity=\"none\"}";
    static final String DEDUP = "firebreak-watchdog-" + WATCHDOG;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void pagerDuty(DynamicPropertyRegistry registry) {
        registry.add("firebreak.pagerduty.events-url", PD::eventsBaseUrl);
        registry.add("firebreak.watchdog.routing-key", () -> FakePagerDuty.ROUTING_KEY);
    }

    @AfterAll
    static void close() throws Exception {
        PD.close();
    }

    @Autowired
    WatchdogCheck check;

    @Autowired
    OutboxWorker worker;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JobLeases leases;

    @Autowired
    MeterRegistry meters;

    @LocalServerPort
    int port;

    @Test
    void silenceLongerThanTheTimeoutPagesPagerDutyDirectlyOnceAndReturningHeartbeatsResolveIt() throws Exception {
        HttpResponse<String> beat = post(notification("firing", watchdog("firing")));
        assertThat(beat.statusCode()).isEqualTo(200);
        assertThat(beat.body()).contains("\"outcome\":\"HEARTBEAT\"");
        assertThat(count("SELECT COUNT(*) FROM incident"))
                .as("a heartbeat opens no incident")
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM alert")).isZero();

        CLOCK.advance(Duration.ofMinutes(4));
        assertThat(check.check()).as("this replica holds the job lease").isTrue();
        worker.drain(10);
        assertThat(PD.events(DEDUP)).as("within the timeout nothing pages").isEmpty();
        assertThat(gauge("firebreak.watchdog.last.heartbeat"))
                .isEqualTo(Instant.parse("2026-11-28T06:00:00Z").getEpochSecond());

        // Another replica holds the check's lease: this one does not check, even though the watchdog is now silent.
        CLOCK.advance(Duration.ofMinutes(2));
        jdbc.update(
                "UPDATE job_lease SET lease_owner = 'other-replica', lease_until = CURRENT_TIMESTAMP + INTERVAL '60' SECOND"
                        + " WHERE job = 'watchdog-check'");
        assertThat(check.check()).isFalse();
        worker.drain(10);
        assertThat(PD.events(DEDUP)).isEmpty();

        // Its lease expires (the replica died; leases are in database time): this replica takes the check over and
        // pages once.
        jdbc.update("UPDATE job_lease SET lease_until = CURRENT_TIMESTAMP - INTERVAL '1' SECOND"
                + " WHERE job = 'watchdog-check'");
        CLOCK.advance(Duration.ofSeconds(61));
        assertThat(check.check()).isTrue();
        assertThat(check.check()).isTrue();
        worker.drain(10);
        List<JsonNode> events = PD.events(DEDUP);
        assertThat(events).as("one page for the silent watchdog").hasSize(1);
        JsonNode trigger = events.get(0);
        assertThat(trigger.path("event_action").asString()).isEqualTo("trigger");
        assertThat(trigger.path("routing_key").asString()).isEqualTo(FakePagerDuty.ROUTING_KEY);
        assertThat(trigger.path("payload").path("severity").asString()).isEqualTo("critical");
        assertThat(trigger.path("payload").path("summary").asString()).contains("Dead man's switch", WATCHDOG, "5m");
        assertThat(jdbc.queryForObject("SELECT lease_owner FROM job_lease WHERE job = 'watchdog-check'", String.class))
                .isEqualTo(leases.owner());
        assertThat(gauge("firebreak.watchdog.silent")).isEqualTo(1);
        assertThat(PD.violations()).isEmpty();

        // A resolved Watchdog (Prometheus stopped sending it) is no heartbeat.
        CLOCK.advance(Duration.ofMinutes(1));
        assertThat(post(notification("resolved", watchdog("resolved"))).statusCode())
                .isEqualTo(200);
        check.check();
        worker.drain(10);
        assertThat(PD.events(DEDUP)).hasSize(1);

        // Heartbeats are back: the page resolves, once.
        assertThat(post(notification("firing", watchdog("firing"))).statusCode())
                .isEqualTo(200);
        check.check();
        check.check();
        worker.drain(10);
        events = PD.events(DEDUP);
        assertThat(events).extracting(e -> e.path("event_action").asString()).containsExactly("trigger", "resolve");
        assertThat(gauge("firebreak.watchdog.silent")).isZero();
        assertThat(gauge("firebreak.watchdog.last.heartbeat"))
                .isEqualTo(CLOCK.instant().getEpochSecond());

        // A second silence is a new episode: paged again under the same dedup key.
        CLOCK.advance(Duration.ofMinutes(6));
        check.check();
        worker.drain(10);
        assertThat(PD.events(DEDUP))
                .extracting(e -> e.path("event_action").asString())
                .containsExactly("trigger", "resolve", "trigger");
        assertThat(count("SELECT COUNT(*) FROM incident"))
                .as("the dead man's switch never opens an incident")
                .isZero();
        assertThat(PD.violations()).isEmpty();
    }

    @Test
    void aGroupThatAlsoHoldsARealAlertOpensAnIncidentForTheRealAlertOnly() throws Exception {
        String real = """
                {"status":"resolved","labels":{"alertname":"DiskFull","severity":"warning"},"annotations":{},
                 "startsAt":"2026-11-28T05:00:00Z","endsAt":"2026-11-28T05:59:00Z","generatorURL":"","fingerprint":"d1"}""";
        String firing =
                real.replace("\"resolved\"", "\"firing\"").replace("2026-11-28T05:59:00Z", "0001-01-01T00:00:00Z");
        HttpResponse<String> opened =
                post(notification("firing", watchdog("firing") + "," + firing, "{}:{cluster=\"eu\"}"));
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.body()).contains("\"outcome\":\"OPENED\"");
        assertThat(count("SELECT COUNT(*) FROM alert WHERE fingerprint = 'd1'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM alert WHERE fingerprint = 'w1'"))
                .as("the Watchdog is no incident alert")
                .isZero();
        // The real alert resolves while the Watchdog still fires: the group's incident resolves.
        HttpResponse<String> resolved =
                post(notification("firing", watchdog("firing") + "," + real, "{}:{cluster=\"eu\"}"));
        assertThat(resolved.body()).contains("\"outcome\":\"RESOLVED\"");
    }

    private double gauge(String name) {
        return meters.get(name).tag("watchdog", WATCHDOG).gauge().value();
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private static String watchdog(String status) {
        return """
                {"status":"%s","labels":{"alertname":"Watchdog","severity":"none","prometheus":"monitoring/k8s"},
                 "annotations":{"summary":"An alert that should always be firing"},"startsAt":"2026-11-28T00:00:00Z",
                 "endsAt":"0001-01-01T00:00:00Z","generatorURL":"","fingerprint":"w1"}""".formatted(status);
    }

    private static String notification(String status, String alerts) {
        return notification(status, alerts, "{}:{alertname=\"Watchdog\"}");
    }

    private static String notification(String status, String alerts, String groupKey) {
        return """
                {"version":"4","groupKey":%s,"truncatedAlerts":0,"status":"%s","receiver":"firebreak",
                 "groupLabels":{},"commonLabels":{},"commonAnnotations":{},"externalURL":"http://alertmanager:9093",
                 "alerts":[%s]}""".formatted(quote(groupKey), status, alerts);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private HttpResponse<String> post(String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/alertmanager"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer am-token")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
