package dev.firebreak.storm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.integrations.pagerduty.FakePagerDuty;
import dev.firebreak.slack.FakeSlack;
import dev.firebreak.support.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * An alert storm against Slack and PagerDuty fakes that enforce the vendors' published limits (issue 11): 2,000 alerts
 * in 60 groups, each group's notification sent as Alertmanager does (the group's cumulative alerts, four times as it
 * grows), every notification delivered three times (the HA pair, and a retry) over real concurrent HTTP to the
 * webhook; the app runs its background outbox worker with Slack and PagerDuty pacing on, on the real clock.
 * Then: every incident has exactly one channel and one card showing its final state, zero 429s from either fake, at
 * most one card edit per (compressed) second per channel, one page per incident, nothing lost.
 *
 * <p>Time is compressed {@code firebreak.storm-test.time-scale} times (default 10): the fakes' "minute" and
 * "second" and the bot's pacing period, per-channel interval and card edit interval shrink together; the storm's
 * 30 s shrink too. {@code -Dfirebreak.storm-test.time-scale=1} runs it at Slack's real limits (minutes).
 * Subclasses run it with the storm breaker off ({@link PacedStormTest}: one incident per group) and on
 * ({@link PacedStormBreakerTest}: the groups beyond the threshold share one storm incident); the assertions hold for
 * "every incident, or the storm incident".
 */
abstract class PacedStorm {

    static final int GROUPS = 60;
    static final int ALERTS = 2000;
    static final int GROWTH_STEPS = 4;
    static final int DELIVERIES = 3;
    static final int SENDERS = 16;
    static final int SCALE = Integer.getInteger("firebreak.storm-test.time-scale", 10);
    static final Duration MINUTE = Duration.ofMillis(60_000 / SCALE);
    static final Duration SECOND = Duration.ofMillis(1_000 / SCALE);
    static final Duration STORM = Duration.ofMillis(30_000 / SCALE);

    /** The fakes of one test class: Slack enforcing the tiers, PagerDuty limited to 120 events per minute. */
    record Vendors(FakeSlack slack, FakeSlack.Channel announce, FakePagerDuty pagerDuty) implements AutoCloseable {

        static Vendors start() {
            FakeSlack slack = new FakeSlack().enforceTiers(MINUTE, SECOND);
            return new Vendors(
                    slack,
                    slack.addChannel("incidents", "UADMIN", "all incidents"),
                    new FakePagerDuty().limitEvents(120, MINUTE));
        }

        @Override
        public void close() throws Exception {
            slack.close();
            pagerDuty.close();
        }
    }

    /** The storm's configuration; the subclass adds {@code firebreak.storm.enabled}. */
    static void configure(DynamicPropertyRegistry registry, Vendors vendors) {
        FakeSlack slackFake = vendors.slack();
        FakePagerDuty pagerDutyFake = vendors.pagerDuty();
        registry.add("firebreak.alertmanager.bearer-token", () -> "storm");
        registry.add("firebreak.slack.bot-token", () -> "xoxb-storm");
        registry.add("firebreak.slack.pacing.enabled", () -> "true");
        registry.add("firebreak.pagerduty.pacing.enabled", () -> "true");
        registry.add("firebreak.postmortem.upload-on-resolve", () -> "false");
        registry.add("firebreak.outbox.poll-interval", () -> "50ms");
        registry.add("firebreak.pagerduty.api-token", () -> FakePagerDuty.API_TOKEN);
        registry.add("firebreak.pagerduty.from-email", () -> FakePagerDuty.FROM);
        registry.add("firebreak.pagerduty.routing.default-routing-key", () -> FakePagerDuty.ROUTING_KEY);
        registry.add("firebreak.slack.api-url", slackFake::url);
        registry.add("firebreak.slack.announce-channel", () -> vendors.announce().id);
        registry.add("firebreak.slack.pacing.period", () -> MINUTE.toMillis() + "ms");
        registry.add("firebreak.slack.pacing.per-channel", () -> SECOND.toMillis() + "ms");
        registry.add("firebreak.slack.card-update-interval", () -> SECOND.toMillis() + "ms");
        registry.add("firebreak.pagerduty.pacing.period", () -> MINUTE.toMillis() + "ms");
        registry.add("firebreak.pagerduty.api-url", pagerDutyFake::restBaseUrl);
        registry.add("firebreak.pagerduty.events-url", pagerDutyFake::eventsBaseUrl);
    }

    abstract Vendors vendors();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.springframework.core.env.Environment environment;

    @Test
    void aStormGetsOneChannelCardAndPagePerIncidentWithoutA429() throws Exception {
        final FakeSlack SLACK = vendors().slack();
        final FakeSlack.Channel ANNOUNCE = vendors().announce();
        final FakePagerDuty PAGERDUTY = vendors().pagerDuty();
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(4))
                .build();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        Instant startsAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
        AtomicInteger serverErrors = new AtomicInteger();
        List<Future<Integer>> answers = new ArrayList<>();
        long t0 = System.currentTimeMillis();
        for (int step = 1; step <= GROWTH_STEPS; step++) {
            long due = t0 + STORM.toMillis() * (step - 1) / GROWTH_STEPS;
            Thread.sleep(Math.max(0, due - System.currentTimeMillis()));
            List<String> retries = new ArrayList<>();
            for (int g = 0; g < GROUPS; g++) {
                String body = notification(g, alertsIn(g) * step / GROWTH_STEPS, startsAt);
                for (int copy = 0; copy < DELIVERIES - 1; copy++) {
                    answers.add(senders.submit(() -> deliver(http, body, serverErrors)));
                }
                retries.add(body);
            }
            for (String body : retries) {
                answers.add(senders.submit(() -> deliver(http, body, serverErrors)));
            }
        }
        for (Future<Integer> answer : answers) {
            assertThat(answer.get(2, TimeUnit.MINUTES))
                    .as("every delivery accepted")
                    .isBetween(200, 299);
        }
        long delivered = System.currentTimeMillis();
        senders.shutdown();

        try {
            Awaitility.await()
                    .atMost(Duration.ofMinutes(SCALE == 1 ? 15 : 3))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> count("SELECT COUNT(*) FROM outbox_task WHERE status = 'PENDING'") == 0);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            StringBuilder threads = new StringBuilder();
            Thread.getAllStackTraces().forEach((t, stack) -> {
                if (t.getName().startsWith("outbox")) {
                    threads.append('\n').append(t.getName()).append(' ').append(t.getState());
                    for (StackTraceElement frame : stack) {
                        threads.append("\n  at ").append(frame);
                    }
                }
            });
            throw new AssertionError(
                    "outbox threads:" + threads + "\noutbox work still pending: "
                            + jdbc.queryForList(
                                    "SELECT kind, attempts, not_before, last_error FROM outbox_task WHERE status = 'PENDING' ORDER BY id"),
                    e);
        }

        // Nothing lost: every alert stored; with the breaker off, one incident per group (on: fewer, one storm
        // incident).
        long incidents = count("SELECT COUNT(*) FROM incident");
        if (environment.getProperty("firebreak.storm.enabled", Boolean.class, true)) {
            assertThat(incidents)
                    .as("groups past the threshold share a storm incident")
                    .isBetween(2L, (long) GROUPS - 1);
        } else {
            assertThat(incidents).as("one incident per alert group").isEqualTo(GROUPS);
        }
        assertThat(count("SELECT COUNT(*) FROM alert"))
                .as("no accepted alert lost")
                .isEqualTo(ALERTS);
        assertThat(count("SELECT COUNT(*) FROM outbox_task WHERE status <> 'DONE'"))
                .as("no task failed or dead")
                .isZero();

        // Zero 429s from either vendor.
        assertThat(SLACK.rateLimited()).as("Slack answered no 429").isEmpty();
        assertThat(PAGERDUTY.throttledEvents()).as("PagerDuty answered no 429").isZero();
        assertThat(PAGERDUTY.violations()).isEmpty();

        // Every incident has exactly one channel and one (pinned) card, which shows its latest state.
        List<FakeSlack.Call> creates = SLACK.okCalls("conversations.create");
        assertThat(creates).as("each channel created once").hasSize((int) incidents);
        List<FakeSlack.Channel> channels =
                SLACK.channels().stream().filter(c -> !c.id.equals(ANNOUNCE.id)).toList();
        assertThat(channels).hasSize((int) incidents);
        Map<Long, Long> firing = new java.util.HashMap<>();
        jdbc.query(
                "SELECT i.number, COUNT(a.id) FROM incident i JOIN alert a ON a.incident_id = i.id "
                        + "GROUP BY i.number",
                rs -> {
                    firing.put(rs.getLong(1), rs.getLong(2));
                });
        Pattern number = Pattern.compile("^inc-(\\d+)-");
        for (FakeSlack.Channel channel : channels) {
            List<FakeSlack.Message> messages = SLACK.messages(channel.id);
            assertThat(messages).as("one card in #%s", channel.name).hasSize(1);
            assertThat(channel.pins)
                    .as("the card is pinned in #%s", channel.name)
                    .containsExactly(messages.get(0).ts);
            Matcher m = number.matcher(channel.name);
            assertThat(m.find())
                    .as("channel %s names its incident", channel.name)
                    .isTrue();
            long alerts = firing.get(Long.parseLong(m.group(1)));
            assertThat(messages.get(0).blocks)
                    .as("card of #%s shows the final state", channel.name)
                    .contains("*Alerts:* " + alerts + " firing");
        }
        assertThat(SLACK.messages(ANNOUNCE.id))
                .as("one announcement per incident")
                .hasSize((int) incidents);

        // At most one card edit per (compressed) second per channel.
        for (FakeSlack.Channel channel : channels) {
            List<Long> edits = SLACK.calls("chat.update", c -> channel.id.equals(c.param("channel"))).stream()
                    .map(FakeSlack.Call::atMillis)
                    .sorted()
                    .toList();
            for (int i = 1; i < edits.size(); i++) {
                assertThat(edits.get(i) - edits.get(i - 1))
                        .as("edits of #%s are a second apart", channel.name)
                        .isGreaterThanOrEqualTo(SECOND.toMillis());
            }
        }

        // One page per incident (every group is critical, and critical pages); the storm incident pages once too.
        List<String> ids = jdbc.queryForList("SELECT id FROM incident", String.class);
        for (String id : ids) {
            assertThat(PAGERDUTY.events("firebreak-" + id).stream()
                            .filter(e -> e.path("event_action").asString().equals("trigger"))
                            .count())
                    .as("one page for incident %s", id)
                    .isEqualTo(1);
        }

        long lastChannel =
                creates.stream().mapToLong(FakeSlack.Call::atMillis).max().orElseThrow();
        long lastCall =
                SLACK.calls().stream().mapToLong(FakeSlack.Call::atMillis).max().orElseThrow();
        report(t0, delivered, lastChannel, lastCall, serverErrors.get(), incidents);
    }

    private void report(long t0, long delivered, long lastChannel, long lastCall, int serverErrors, long incidents)
            throws IOException {
        FakeSlack SLACK = vendors().slack();
        FakePagerDuty PAGERDUTY = vendors().pagerDuty();
        boolean breaker = environment.getProperty("firebreak.storm.enabled", Boolean.class, true);
        StringBuilder r = new StringBuilder();
        r.append("storm: ")
                .append(ALERTS)
                .append(" alerts in ")
                .append(GROUPS)
                .append(" groups, ")
                .append(GROUPS * GROWTH_STEPS * DELIVERIES)
                .append(" deliveries, time scale 1/")
                .append(SCALE)
                .append(", database ")
                .append(TestDatabase.postgres() ? "PostgreSQL" : "H2")
                .append(", storm breaker ")
                .append(breaker ? "on" : "off")
                .append(", incidents ")
                .append(incidents)
                .append('\n');
        r.append("deliveries done after ")
                .append(delivered - t0)
                .append(" ms (5xx answers retried: ")
                .append(serverErrors)
                .append(")\n");
        r.append("last channel created after ").append(lastChannel - t0).append(" ms\n");
        r.append("last Slack call after ").append(lastCall - t0).append(" ms\n");
        r.append("Slack 429s: ")
                .append(SLACK.rateLimited().size())
                .append(", PagerDuty 429s: ")
                .append(PAGERDUTY.throttledEvents())
                .append('\n');
        r.append("Slack calls per method:\n");
        SLACK.callsPerMethod()
                .forEach((method, n) ->
                        r.append("  ").append(method).append(' ').append(n).append('\n'));
        Map<String, Long> pd = new java.util.TreeMap<>();
        PAGERDUTY
                .events()
                .forEach(e -> pd.merge("events " + e.path("event_action").asString(), 1L, Long::sum));
        PAGERDUTY.requests().stream()
                .filter(q -> !q.path().startsWith("/v2/"))
                .forEach(q -> pd.merge(
                        "rest " + q.method() + " " + q.path().replaceAll("/P[A-Z0-9]+", "/{id}"), 1L, Long::sum));
        r.append("PagerDuty calls:\n");
        pd.forEach(
                (what, n) -> r.append("  ").append(what).append(' ').append(n).append('\n'));
        System.out.print(r);
        Path out = Path.of(
                "target",
                "storm-report-" + (TestDatabase.postgres() ? "postgres" : "h2") + "-x" + SCALE
                        + (breaker ? "-breaker" : "") + ".txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, r);
    }

    private long count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }

    /** 2,000 alerts over 60 groups: the first 20 groups have 34, the others 33. */
    static int alertsIn(int group) {
        return ALERTS / GROUPS + (group < ALERTS % GROUPS ? 1 : 0);
    }

    /** Sends like Alertmanager: a 5xx or a refused connection is retried (a 4xx would be dropped: a failure here). */
    private int deliver(HttpClient http, String body, AtomicInteger serverErrors) throws InterruptedException {
        int status = 0;
        for (int attempt = 0; attempt < 10; attempt++) {
            try {
                status = http.send(
                                HttpRequest.newBuilder(
                                                URI.create("http://127.0.0.1:" + port + "/webhooks/alertmanager"))
                                        .timeout(Duration.ofSeconds(60))
                                        .header("Content-Type", "application/json")
                                        .header("Authorization", "Bearer storm")
                                        .POST(HttpRequest.BodyPublishers.ofString(body))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                if (status < 500) {
                    return status;
                }
            } catch (IOException e) {
                status = -1;
            }
            serverErrors.incrementAndGet();
            Thread.sleep(100);
        }
        return status;
    }

    /** The group's notification when it has its first {@code alerts} alerts, as Alertmanager sends it. */
    static String notification(int group, int alerts, Instant startsAt) {
        String name = "Storm" + group;
        StringBuilder list = new StringBuilder();
        for (int a = 0; a < alerts; a++) {
            list.append(a == 0 ? "" : ",").append("""
                    {"status":"firing","labels":{"alertname":"%1$s","instance":"host-%2$d","severity":"critical",\
                    "service":"svc%3$d"},"annotations":{"summary":"%1$s is failing"},"startsAt":"%4$s",\
                    "endsAt":"0001-01-01T00:00:00Z","generatorURL":"","fingerprint":"%5$016x"}""".formatted(name, a, group % 5, startsAt, group * 1000L + a));
        }
        return """
                {"version":"4","groupKey":"{}:{alertname=\\"%1$s\\"}","truncatedAlerts":0,"status":"firing",
                 "receiver":"firebreak","groupLabels":{"alertname":"%1$s"},
                 "commonLabels":{"alertname":"%1$s","severity":"critical","service":"svc%2$d"},
                 "commonAnnotations":{"summary":"%1$s is failing"},"externalURL":"http://alertmanager.example:9093",
                 "alerts":[%3$s]}
                """.formatted(name, group % 5, list);
    }
}
