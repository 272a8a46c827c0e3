package dev.firebreak.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.incident.Actor;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentManagement;
import dev.firebreak.incident.Incidents;
import dev.firebreak.integrations.pagerduty.FakePagerDuty;
import dev.firebreak.slack.FakeSlack;
import dev.firebreak.support.FirebreakTest;
import dev.firebreak.support.HttpTestClient;
import dev.firebreak.support.MutableClock;
import dev.firebreak.support.TestClock;
import dev.firebreak.system.outbox.OutboxWorker;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The observability contract, checked in CI: after real activity (an Alertmanager webhook over HTTP with a
 * {@code traceparent}, a refused one, Slack and PagerDuty deliveries through their HTTP fakes including a Slack
 * 429, acknowledge/mitigate/resolve), the bot's {@code /actuator/prometheus} exports every {@code firebreak_*}
 * metric that {@code docs/grafana/firebreak.json} and {@code docs/alerts/firebreak-rules.yml} use, each with a
 * description; the dashboard is valid JSON whose every panel has a query. The trace id of the webhook is stored
 * on the outbox tasks it caused.
 */
@FirebreakTest(
        properties = {
            "firebreak.outbox.enabled=false",
            "firebreak.api.token=test-token",
            "firebreak.alertmanager.bearer-token=am-token"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(TestClock.class)
class ObservabilityContractTest {

    static final Path DASHBOARD = Path.of("..", "docs", "grafana", "firebreak.json");
    static final Path RULES = Path.of("..", "docs", "alerts", "firebreak-rules.yml");
    static final Pattern METRIC = Pattern.compile("\\bfirebreak_[a-z0-9_]+");
    static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final MutableClock CLOCK = TestClock.startingAt(Instant.parse("2026-11-28T05:00:00Z"));
    static final FakeSlack SLACK = new FakeSlack(CLOCK);
    static final FakePagerDuty PD = new FakePagerDuty();

    @DynamicPropertySource
    static void vendors(DynamicPropertyRegistry registry) {
        registry.add("firebreak.slack.bot-token", () -> "xoxb-contract");
        registry.add("firebreak.slack.api-url", SLACK::url);
        registry.add("firebreak.pagerduty.api-token", () -> FakePagerDuty.API_TOKEN);
        registry.add("firebreak.pagerduty.from-email", () -> FakePagerDuty.FROM);
        registry.add("firebreak.pagerduty.api-url", PD::restBaseUrl);
        registry.add("firebreak.pagerduty.events-url", PD::eventsBaseUrl);
        registry.add("firebreak.pagerduty.client-retries", () -> "0");
        registry.add("firebreak.pagerduty.routing.default-routing-key", () -> FakePagerDuty.ROUTING_KEY);
    }

    @Autowired
    OutboxWorker worker;

    @Autowired
    IncidentManagement management;

    @Autowired
    Incidents incidents;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    dev.firebreak.watchdog.WatchdogCheck watchdogCheck;

    @LocalServerPort
    int port;

    Incident incident;
    String scrape;

    @BeforeAll
    void activity() throws Exception {
        SLACK.script("chat.postMessage", FakeSlack.Reply.rateLimited(1));
        HttpResponse<String> accepted =
                postWebhook(read("/fixtures/alertmanager/firing-two-pods.json"), "Bearer am-token");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(postWebhook("{}", "Bearer wrong").statusCode()).isEqualTo(401);
        // The dead man's switch: a Watchdog heartbeat, then the check that refreshes the firebreak_watchdog_* gauges.
        assertThat(postWebhook(
                                read("/fixtures/alertmanager/firing-two-pods.json")
                                        .replace("\"HighErrorRate\"", "\"Watchdog\""),
                                "Bearer am-token")
                        .body())
                .contains("HEARTBEAT");
        watchdogCheck.check();
        UUID id = UUID.fromString(JsonMapper.builder()
                .build()
                .readTree(accepted.body())
                .path("incidentId")
                .asString());
        drain();
        management.acknowledge(id, Actor.slack("U1", "ann"));
        CLOCK.advance(Duration.ofMinutes(5));
        management.mitigate(id, Actor.slack("U1", "ann"));
        CLOCK.advance(Duration.ofMinutes(10));
        management.resolve(id, Actor.slack("U1", "ann"), "rolled back");
        drain();
        incident = incidents.findById(id).orElseThrow();
        scrape = HttpTestClient.on(port).get("/actuator/prometheus").body();
    }

    void drain() {
        for (int i = 0; i < 100; i++) {
            if (worker.runDueTasks() == 0) {
                Integer pending =
                        jdbc.queryForObject("SELECT COUNT(*) FROM outbox_task WHERE status = 'PENDING'", Integer.class);
                if (pending == null || pending == 0) {
                    return;
                }
                CLOCK.advance(Duration.ofSeconds(2));
            }
        }
        throw new AssertionError("outbox did not drain");
    }

    @Test
    void everyMetricInTheDashboardAndTheRulesIsExportedWithADescription() throws IOException {
        Set<String> exported = new TreeSet<>();
        Map<String, String> help = new LinkedHashMap<>();
        for (String line : scrape.split("\n")) {
            if (line.startsWith("# HELP ")) {
                String[] parts = line.substring(7).split(" ", 2);
                help.put(parts[0], parts.length > 1 ? parts[1].trim() : "");
            } else if (!line.startsWith("#") && !line.isBlank()) {
                exported.add(line.split("[{ ]", 2)[0]);
            }
        }
        Set<String> used = new TreeSet<>();
        used.addAll(metricsIn(dashboardQueries()));
        used.addAll(metricsIn(ruleExpressions()));
        assertThat(used).as("the dashboard and rules use firebreak metrics").hasSizeGreaterThan(15);
        assertThat(exported)
                .as("metrics used by docs/grafana/firebreak.json and docs/alerts/firebreak-rules.yml")
                .containsAll(used);
        List<String> undescribed = new ArrayList<>();
        help.forEach((family, text) -> {
            if (family.startsWith("firebreak_") && text.isEmpty()) {
                undescribed.add(family);
            }
        });
        assertThat(undescribed).as("firebreak_* metrics without a description").isEmpty();
    }

    @Test
    void theActivityShowsUpInTheIncidentMetrics() {
        assertThat(scrape)
                .contains(
                        "firebreak_incident_time_to_acknowledge_seconds_count{service=\"checkout\",severity=\"SEV2\"} 1")
                .contains("firebreak_incident_time_to_resolve_seconds_count{service=\"checkout\",severity=\"SEV2\"} 1")
                .contains("firebreak_pages_sent_total{severity=\"SEV2\",via=\"trigger\"} 1.0")
                .contains("firebreak_webhook_requests_seconds_count{source=\"alertmanager\",status=\"401\"} 1")
                .contains("firebreak_webhook_requests_seconds_count{source=\"alertmanager\",status=\"200\"} 2")
                .contains("firebreak_slack_errors_total{error=\"ratelimited\",method=\"chat.postMessage\"} 1.0");
        assertThat(incident.getSeverity().name()).isEqualTo("SEV2");
    }

    @Test
    void theWebhooksTraceIdIsStoredOnTheOutboxTasksItCaused() {
        List<String> traces = jdbc.queryForList(
                "SELECT DISTINCT trace_id FROM outbox_task WHERE incident_id = ? AND kind IN ('slack.create_channel', 'pagerduty.trigger')",
                String.class,
                incident.getId());
        assertThat(traces).containsExactly(TRACE_ID);
    }

    @Test
    void theDashboardIsImportableJsonAndEveryPanelHasAQuery() throws IOException {
        JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(DASHBOARD));
        assertThat(dashboard.path("uid").asString()).isEqualTo("firebreak");
        int panels = 0;
        for (JsonNode panel : dashboard.path("panels")) {
            if (panel.path("type").asString().equals("row")) {
                continue;
            }
            panels++;
            assertThat(panel.path("targets").isArray() && !panel.path("targets").isEmpty())
                    .as("panel %s has a query", panel.path("title").asString())
                    .isTrue();
            for (JsonNode target : panel.path("targets")) {
                assertThat(target.path("expr").asString())
                        .as(panel.path("title").asString())
                        .contains("firebreak_");
            }
        }
        assertThat(panels).isGreaterThan(15);
    }

    @Test
    void incidentMetricsApiGivesMttaAndMttrPerSeverityAndService() {
        HttpTestClient api = HttpTestClient.on(port).bearer("test-token");
        String range = "?from=2026-11-28T00:00:00Z&to=2026-11-29T00:00:00Z";
        HttpTestClient.Response r = api.get("/api/metrics/incidents" + range);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        double mtta = Duration.between(incident.getOpenedAt(), incident.getAcknowledgedAt())
                        .toMillis()
                / 1000.0;
        double mttr = Duration.between(incident.getOpenedAt(), incident.getResolvedAt())
                        .toMillis()
                / 1000.0;
        assertThat(mttr).isGreaterThanOrEqualTo(15 * 60);
        JsonNode overall = r.json().path("overall");
        assertThat(overall.path("incidents").asInt()).isEqualTo(1);
        assertThat(overall.path("mttaSeconds").asDouble()).isEqualTo(mtta);
        assertThat(overall.path("mttrSeconds").asDouble()).isEqualTo(mttr);
        JsonNode sev = r.json().path("bySeverity").get(0);
        assertThat(sev.path("key").asString()).isEqualTo("SEV2");
        assertThat(sev.path("resolved").asInt()).isEqualTo(1);
        assertThat(sev.path("mttrSeconds").asDouble()).isEqualTo(mttr);
        JsonNode service = r.json().path("byService").get(0);
        assertThat(service.path("key").asString()).isEqualTo("checkout");
        assertThat(service.path("mttaSeconds").asDouble()).isEqualTo(mtta);

        HttpTestClient.Response empty =
                api.get("/api/metrics/incidents?from=2026-10-01T00:00:00Z&to=2026-10-02T00:00:00Z");
        assertThat(empty.json().path("overall").path("incidents").asInt()).isZero();
        assertThat(empty.json().path("overall").path("mttaSeconds").isNull()).isTrue();
        assertThat(empty.json().path("bySeverity").isEmpty()).isTrue();

        for (String bad : new String[] {
            "?from=yesterday",
            "?from=2026-11-29T00:00:00Z&to=2026-11-28T00:00:00Z",
            "?from=2020-01-01T00:00:00Z&to=2026-11-28T00:00:00Z"
        }) {
            HttpTestClient.Response refused = api.get("/api/metrics/incidents" + bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.json().path("error").asString()).as(bad).isEqualTo("bad_request");
        }
        assertThat(HttpTestClient.on(port).get("/api/metrics/incidents" + range).status())
                .isEqualTo(401);
    }

    private HttpResponse<String> postWebhook(String body, String authorization) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/alertmanager"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", authorization)
                .header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    static List<String> dashboardQueries() throws IOException {
        List<String> exprs = new ArrayList<>();
        JsonMapper.builder()
                .build()
                .readTree(Files.readString(DASHBOARD))
                .findValues("expr")
                .forEach(e -> exprs.add(e.asString()));
        return exprs;
    }

    @SuppressWarnings("unchecked")
    static List<String> ruleExpressions() throws IOException {
        Map<String, Object> doc = new Yaml().load(Files.readString(RULES));
        List<String> exprs = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) doc.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                exprs.add(String.valueOf(rule.get("expr")));
            }
        }
        return exprs;
    }

    static Set<String> metricsIn(List<String> exprs) {
        Set<String> names = new TreeSet<>();
        for (String expr : exprs) {
            Matcher m = METRIC.matcher(expr);
            while (m.find()) {
                names.add(m.group());
            }
        }
        return names;
    }

    static String read(String resource) throws IOException {
        try (InputStream in = ObservabilityContractTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
