package dev.firebreak.replicas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.firebreak.integrations.pagerduty.FakePagerDuty;
import dev.firebreak.replicas.BotProcesses.Bot;
import dev.firebreak.slack.FakeSlack;
import dev.firebreak.support.TestDatabase;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Three replicas of the packaged bot ({@code java -jar}, see {@link BotProcesses}) on one PostgreSQL database, Slack
 * and PagerDuty replaced by their HTTP fakes in this JVM, structured JSON logs on. An alert storm goes round-robin
 * across them, every notification twice (HA Alertmanager duplicates); mid-storm the replica that holds an outbox
 * lease is SIGKILLed and another one SIGTERMed. Refused or failed deliveries are retried on the next replica, as
 * Alertmanager does. Then: every incident once, every channel once, every page once, no accepted alert lost, the
 * killed replica's leased outbox work finished by the others within 30 s of its lease expiring, the SIGTERMed
 * replica refused webhooks (503) only after its readiness had gone down, and the logs ({@link JsonLogs}) are JSON,
 * carry one trace id and the incident reference from the webhook to the Slack and PagerDuty calls, and no secret.
 * Slack's published tiers are enforced by the fake (time compressed ten times) and the replicas pace themselves
 * through the shared database: not one 429. The storm breaker is off here (every group is its own incident).
 * PostgreSQL only ({@code mvn verify -Ppostgres}); run by failsafe after {@code package}.
 */
class ThreeReplicaStormIT {

    static final int GROUPS = 24;
    static final Duration LEASE = Duration.ofSeconds(10);
    static final String AM_TOKEN = "am-storm-secret-5d1f0c";
    static final String API_TOKEN = "api-storm-secret-93ab27";
    static final String SLACK_TOKEN = "xoxb-storm-secret-4411";
    static final Pattern OWNER = Pattern.compile("Outbox worker (\\S+) started");

    final FakeSlack slack = new FakeSlack().enforceTiers(Duration.ofSeconds(6), Duration.ofMillis(100));
    final FakePagerDuty pagerDuty = new FakePagerDuty();
    BotProcesses processes;

    /** An accepted delivery: which replica answered, with which trace id and body. */
    record Delivery(int status, int replica, String traceId, String body) {}

    @AfterEach
    void stop() throws Exception {
        if (processes != null) {
            processes.close();
        }
        slack.close();
        pagerDuty.close();
    }

    @Test
    void stormAcrossThreeReplicasSurvivesAKillAndATerm() throws Exception {
        assumeTrue(TestDatabase.postgres(), "needs PostgreSQL (-Ppostgres)");
        Map<String, String> db = TestDatabase.properties();
        String url = db.get("spring.datasource.url");
        processes = new BotProcesses(Path.of("target", "replicas"));
        List<Bot> bots = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            bots.add(processes.start(i, settings(db)));
        }
        bots.forEach(BotProcesses::awaitReady);

        List<String> deliveries = new ArrayList<>();
        for (int g = 0; g < GROUPS; g++) {
            deliveries.add(payload(g));
            deliveries.add(payload(g)); // the second Alertmanager of an HA pair
        }
        // Slack answers slowly, so replicas hold leases on in-flight tasks when one of them is killed.
        slack.always("conversations.create", FakeSlack.Reply.slow(Duration.ofMillis(1500)));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        ExecutorService probe = Executors.newSingleThreadExecutor();
        List<Future<Delivery>> answers = new ArrayList<>();
        Bot victim = null;
        Bot terminated = null;
        Future<List<ShutdownProbe.Sample>> termSamples = null;
        List<Long> victimTasks = List.of();
        Instant victimLeaseEnd = null;
        for (int n = 0; n < deliveries.size(); n++) {
            final int target = n % 3;
            final String body = deliveries.get(n);
            if (n == deliveries.size() / 3) {
                // SIGKILL, mid-storm, a replica that holds a lease on outbox work.
                Map<String, Bot> owners = owners(bots);
                String[] held = new String[1];
                Awaitility.await()
                        .atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(20))
                        .until(() -> {
                            held[0] = leaseOwner(url, owners.keySet());
                            return held[0] != null;
                        });
                victim = owners.get(held[0]);
                victim.kill();
                victimTasks = ids(
                        url, "SELECT id FROM outbox_task WHERE status = 'PENDING' AND lease_owner = '" + held[0] + "'");
                victimLeaseEnd =
                        instant(url, "SELECT MAX(lease_until) FROM outbox_task WHERE lease_owner = '" + held[0] + "'");
            }
            if (n == 2 * deliveries.size() / 3) {
                // SIGTERM another one, watched from just before the signal until it stops answering.
                terminated = bots.get((victim.index() + 1) % 3);
                termSamples = probe.submit(new ShutdownProbe(terminated, AM_TOKEN, payload(0)));
                Thread.sleep(300);
                terminated.terminate();
            }
            answers.add(pool.submit(() -> deliver(body, target, bots)));
        }
        Map<String, Delivery> opened = new LinkedHashMap<>();
        for (Future<Delivery> answer : answers) {
            Delivery d = answer.get();
            assertThat(d.status())
                    .as("every notification accepted by some replica")
                    .isEqualTo(200);
            if (d.body().contains("\"outcome\":\"OPENED\"")) {
                opened.put(d.traceId(), d);
            }
        }
        assertThat(terminated.process().waitFor(60, TimeUnit.SECONDS))
                .as("SIGTERM exits")
                .isTrue();
        ShutdownProbe.assertNotReadyBefore503(termSamples.get(60, TimeUnit.SECONDS));
        pool.shutdown();
        probe.shutdown();
        // Everything accepted is delivered, including tasks leased by the killed replica (lease 10 s).
        Awaitility.await()
                .atMost(LEASE.plusSeconds(30 + 60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> count(url, "SELECT COUNT(*) FROM outbox_task WHERE status = 'PENDING'") == 0);

        assertThat(count(url, "SELECT COUNT(*) FROM incident"))
                .as("one incident per alert group")
                .isEqualTo(GROUPS);
        // A delivery answered OPENED for each incident, unless the killed replica committed one and died before
        // answering.
        assertThat(opened.size()).as("deliveries that opened an incident").isBetween(GROUPS - 3, GROUPS);
        assertThat(count(url, "SELECT COUNT(DISTINCT correlation_key) FROM incident"))
                .isEqualTo(GROUPS);
        assertThat(count(url, "SELECT COUNT(*) FROM alert"))
                .as("no accepted alert lost")
                .isEqualTo(GROUPS);
        assertThat(count(url, "SELECT COUNT(*) FROM outbox_task WHERE status <> 'DONE'"))
                .isZero();
        assertThat(slack.channels()).as("one channel per incident").hasSize(GROUPS);
        assertThat(slack.okCalls("conversations.create"))
                .as("each channel created once")
                .hasSize(GROUPS);
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                ResultSet rs = c.createStatement().executeQuery("SELECT id FROM incident")) {
            while (rs.next()) {
                String key = "firebreak-" + rs.getString(1);
                assertThat(pagerDuty.events(key).stream()
                                .filter(e -> e.path("event_action").asString().equals("trigger"))
                                .count())
                        .as("one page for %s", key)
                        .isEqualTo(1);
            }
        }
        assertThat(pagerDuty.violations()).isEmpty();
        assertThat(slack.rateLimited())
                .as("three replicas paced themselves through the database: no 429")
                .isEmpty();
        assertThat(slack.rateLimited())
                .as("three replicas paced themselves through the database: no 429")
                .isEmpty();
        assertThat(victimTasks).as("the killed replica held work").isNotEmpty();
        for (long id : victimTasks) {
            Instant done = instant(url, "SELECT completed_at FROM outbox_task WHERE id = " + id);
            assertThat(done)
                    .as("task %d of the killed replica finished within 30 s of its lease expiring", id)
                    .isNotNull()
                    .isBefore(victimLeaseEnd.plusSeconds(30));
        }

        JsonLogs logs = JsonLogs.read(bots, victim);
        logs.assertNoSecret(AM_TOKEN, API_TOKEN, SLACK_TOKEN, FakePagerDuty.API_TOKEN, FakePagerDuty.ROUTING_KEY);
        int traced = 0;
        for (Delivery d : opened.values()) {
            String reference = JsonLogs.field(d.body(), "incident");
            logs.assertWebhookLine(d.replica(), d.traceId(), reference);
            if (logs.tracedToVendors(d.traceId(), reference)) {
                traced++;
            }
        }
        // Incidents whose first tasks ran on the killed replica lost those log lines with it; the rest are complete.
        assertThat(traced)
                .as("incidents traced from the webhook to the Slack and PagerDuty calls")
                .isGreaterThan(GROUPS / 2);
    }

    private Map<String, String> settings(Map<String, String> db) {
        Map<String, String> p = new LinkedHashMap<>(db);
        p.put("spring.main.banner-mode", "off");
        p.put("firebreak.logging.json", "true");
        p.put("logging.level.dev.firebreak.slack.SlackApi", "DEBUG");
        p.put("logging.level.dev.firebreak.integrations.pagerduty.PagerDutyHttp", "DEBUG");
        p.put("firebreak.shutdown.drain-delay", "2s");
        p.put("firebreak.alertmanager.bearer-token", AM_TOKEN);
        p.put("firebreak.api.token", API_TOKEN);
        p.put("firebreak.outbox.lease", LEASE.toSeconds() + "s");
        p.put("firebreak.outbox.poll-interval", "200ms");
        p.put("firebreak.slack.bot-token", SLACK_TOKEN);
        p.put("firebreak.slack.api-url", slack.url());
        p.put("firebreak.slack.pacing.enabled", "true");
        p.put("firebreak.slack.pacing.period", "6s");
        p.put("firebreak.slack.pacing.per-channel", "100ms");
        p.put("firebreak.slack.card-update-interval", "100ms");
        p.put("firebreak.pagerduty.pacing.enabled", "true");
        p.put("firebreak.storm.enabled", "false");
        p.put("firebreak.pagerduty.api-token", FakePagerDuty.API_TOKEN);
        p.put("firebreak.pagerduty.from-email", FakePagerDuty.FROM);
        p.put("firebreak.pagerduty.api-url", pagerDuty.restBaseUrl());
        p.put("firebreak.pagerduty.events-url", pagerDuty.eventsBaseUrl());
        p.put("firebreak.pagerduty.routing.default-routing-key", FakePagerDuty.ROUTING_KEY);
        return p;
    }

    /** Outbox owner id -> replica, from each replica's "Outbox worker ... started" line. */
    private static Map<String, Bot> owners(List<Bot> bots) throws IOException {
        Map<String, Bot> owners = new HashMap<>();
        for (Bot bot : bots) {
            for (String line : bot.logLines()) {
                Matcher m = OWNER.matcher(line);
                if (m.find()) {
                    owners.put(m.group(1), bot);
                }
            }
        }
        assertThat(owners).hasSize(3);
        return owners;
    }

    /** Sends to {@code first}, then like Alertmanager's retry to the next replica on a refused connection or 5xx. */
    private static Delivery deliver(String body, int first, List<Bot> bots) throws InterruptedException {
        int status = 0;
        for (int attempt = 0; attempt < 30; attempt++) {
            Bot bot = bots.get((first + attempt) % bots.size());
            try {
                HttpResponse<String> r = BotProcesses.HTTP.send(
                        HttpRequest.newBuilder(URI.create(bot.url("/webhooks/alertmanager")))
                                .timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Bearer " + AM_TOKEN)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                status = r.statusCode();
                if (status < 500) {
                    return new Delivery(
                            status,
                            bot.index(),
                            r.headers().firstValue("X-Trace-Id").orElse(null),
                            r.body());
                }
            } catch (ConnectException e) {
                status = -1;
            } catch (IOException e) {
                status = -2; // connection reset by a killed replica: not accepted, send again
            }
            Thread.sleep(200);
        }
        return new Delivery(status, -1, null, "");
    }

    static String payload(int group) {
        String name = "Storm" + group;
        return """
                {"version":"4","groupKey":"{}:{alertname=\\"%1$s\\"}","truncatedAlerts":0,"status":"firing",
                 "receiver":"firebreak","groupLabels":{"alertname":"%1$s"},
                 "commonLabels":{"alertname":"%1$s","severity":"critical","service":"checkout"},
                 "commonAnnotations":{"summary":"%1$s is failing"},"externalURL":"http://alertmanager.example:9093",
                 "alerts":[{"status":"firing","labels":{"alertname":"%1$s","severity":"critical","service":"checkout"},
                   "annotations":{"summary":"%1$s is failing"},"startsAt":"2026-11-28T04:57:14Z",
                   "endsAt":"0001-01-01T00:00:00Z","generatorURL":"","fingerprint":"f%2$04d"}]}
                """.formatted(name, group);
    }

    private static String leaseOwner(String url, Set<String> owners) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                ResultSet rs = c.createStatement()
                        .executeQuery(
                                "SELECT lease_owner FROM outbox_task WHERE status = 'PENDING' AND lease_owner IS NOT NULL")) {
            while (rs.next()) {
                if (owners.contains(rs.getString(1))) {
                    return rs.getString(1);
                }
            }
            return null;
        }
    }

    private static List<Long> ids(String url, String sql) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    private static Instant instant(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            java.time.OffsetDateTime t = rs.getObject(1, java.time.OffsetDateTime.class);
            return t == null ? null : t.toInstant();
        }
    }

    private static long count(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
