package dev.firebreak.replicas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.firebreak.integrations.pagerduty.FakePagerDuty;
import dev.firebreak.slack.FakeSlack;
import dev.firebreak.support.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Three bot processes (separate JVMs running {@code dev.firebreak.FirebreakApplication} from this module's classes,
 * as {@code java -jar} would) on one PostgreSQL database, Slack and PagerDuty replaced by their HTTP fakes in this
 * JVM. An alert storm goes round-robin across them, every notification twice (HA Alertmanager duplicates); one
 * replica is SIGKILLed mid-storm and another SIGTERMed. Refused or failed deliveries are retried on the next replica,
 * as Alertmanager does. Then: every incident once, every channel once, every page once, no accepted alert lost,
 * and the killed replica's leased outbox work finished by the survivor within 30 s of its lease expiring. Slack's
 * published tiers are enforced by the fake (time compressed ten times) and the replicas pace themselves through the
 * shared database: not one 429.
 * PostgreSQL only ({@code -Ppostgres}).
 */
class ThreeReplicaStormTest {

    static final int GROUPS = 24;
    static final Duration LEASE = Duration.ofSeconds(10);
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final List<Process> replicas = new ArrayList<>();
    final FakeSlack slack = new FakeSlack().enforceTiers(Duration.ofSeconds(6), Duration.ofMillis(100));
    final FakePagerDuty pagerDuty = new FakePagerDuty();

    @AfterEach
    void stop() throws Exception {
        replicas.forEach(Process::destroyForcibly);
        slack.close();
        pagerDuty.close();
    }

    @Test
    void stormAcrossThreeReplicasSurvivesAKillAndATerm() throws Exception {
        assumeTrue(TestDatabase.postgres(), "needs PostgreSQL (-Ppostgres)");
        Map<String, String> db = TestDatabase.properties();
        Path logs = Files.createDirectories(Path.of("target", "replicas"));
        int[] ports = new int[3];
        for (int i = 0; i < 3; i++) {
            ports[i] = freePort();
            replicas.add(start(i, ports[i], db, logs));
        }
        for (int i = 0; i < 3; i++) {
            awaitReady(ports[i], replicas.get(i), logs.resolve("replica-" + i + ".log"));
        }

        List<String> deliveries = new ArrayList<>();
        for (int g = 0; g < GROUPS; g++) {
            deliveries.add(payload(g));
            deliveries.add(payload(g)); // the second Alertmanager of an HA pair
        }
        String url = db.get("spring.datasource.url");
        // Slack answers slowly, so replicas hold leases on in-flight tasks when one of them is killed.
        slack.always("conversations.create", FakeSlack.Reply.slow(Duration.ofMillis(1500)));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Integer>> answers = new ArrayList<>();
        int victim = -1;
        List<Long> victimTasks = List.of();
        Instant victimLeaseEnd = null;
        for (int n = 0; n < deliveries.size(); n++) {
            final int target = n % 3;
            final String body = deliveries.get(n);
            if (n == deliveries.size() / 3) {
                // SIGKILL, mid-storm, a replica that holds a lease on outbox work.
                Map<String, Integer> owners = owners(logs);
                String[] held = new String[1];
                Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
                    held[0] = leaseOwner(url, owners.keySet());
                    return held[0] != null;
                });
                victim = owners.get(held[0]);
                replicas.get(victim).destroyForcibly();
                replicas.get(victim).waitFor();
                victimTasks = ids(url, "SELECT id FROM outbox_task WHERE status = 'PENDING' AND lease_owner = '" + held[0] + "'");
                victimLeaseEnd = instant(url, "SELECT MAX(lease_until) FROM outbox_task WHERE lease_owner = '" + held[0] + "'");
            }
            if (n == 2 * deliveries.size() / 3) {
                replicas.get((victim + 1) % 3).destroy(); // SIGTERM another one
            }
            answers.add(pool.submit(() -> deliver(body, target, ports)));
        }
        for (Future<Integer> answer : answers) {
            assertThat(answer.get()).as("every notification accepted by some replica").isEqualTo(200);
        }
        pool.shutdown();
        assertThat(replicas.get((victim + 1) % 3).waitFor(60, java.util.concurrent.TimeUnit.SECONDS))
                .as("SIGTERM exits").isTrue();
        // Everything accepted is delivered, including tasks leased by the killed replica (lease 10 s).
        Awaitility.await().atMost(LEASE.plusSeconds(30 + 60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> count(url, "SELECT COUNT(*) FROM outbox_task WHERE status = 'PENDING'") == 0);

        assertThat(count(url, "SELECT COUNT(*) FROM incident")).as("one incident per alert group").isEqualTo(GROUPS);
        assertThat(count(url, "SELECT COUNT(DISTINCT correlation_key) FROM incident")).isEqualTo(GROUPS);
        assertThat(count(url, "SELECT COUNT(*) FROM alert")).as("no accepted alert lost").isEqualTo(GROUPS);
        assertThat(count(url, "SELECT COUNT(*) FROM outbox_task WHERE status <> 'DONE'")).isZero();
        assertThat(slack.channels()).as("one channel per incident").hasSize(GROUPS);
        assertThat(slack.okCalls("conversations.create")).as("each channel created once").hasSize(GROUPS);
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
             ResultSet rs = c.createStatement().executeQuery("SELECT id FROM incident")) {
            while (rs.next()) {
                String key = "firebreak-" + rs.getString(1);
                assertThat(pagerDuty.events(key).stream()
                        .filter(e -> e.path("event_action").asString().equals("trigger")).count())
                        .as("one page for %s", key).isEqualTo(1);
            }
        }
        assertThat(pagerDuty.violations()).isEmpty();
        assertThat(slack.rateLimited()).as("three replicas paced themselves through the database: no 429").isEmpty();
        assertThat(victimTasks).as("the killed replica held work").isNotEmpty();
        for (long id : victimTasks) {
            Instant done = instant(url, "SELECT completed_at FROM outbox_task WHERE id = " + id);
            assertThat(done).as("task %d of the killed replica finished within 30 s of its lease expiring", id)
                    .isNotNull().isBefore(victimLeaseEnd.plusSeconds(30));
        }
    }

    /** Outbox owner id -> replica index, from each replica's "Outbox worker ... started" line. */
    private static Map<String, Integer> owners(Path logs) throws IOException {
        Map<String, Integer> owners = new java.util.HashMap<>();
        for (int i = 0; i < 3; i++) {
            for (String line : Files.readAllLines(logs.resolve("replica-" + i + ".log"))) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("Outbox worker (\\S+) started").matcher(line);
                if (m.find()) {
                    owners.put(m.group(1), i);
                }
            }
        }
        assertThat(owners).hasSize(3);
        return owners;
    }

    private static String leaseOwner(String url, java.util.Set<String> owners) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
             ResultSet rs = c.createStatement().executeQuery(
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

    private Process start(int index, int port, Map<String, String> db, Path logs) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), "dev.firebreak.FirebreakApplication"));
        db.forEach((k, v) -> command.add("--" + k + "=" + v));
        command.addAll(List.of("--server.port=" + port, "--spring.main.banner-mode=off",
                "--firebreak.alertmanager.bearer-token=storm", "--firebreak.api.token=storm-api",
                "--firebreak.outbox.lease=" + LEASE.toSeconds() + "s", "--firebreak.outbox.poll-interval=200ms",
                "--firebreak.slack.bot-token=xoxb-storm", "--firebreak.slack.api-url=" + slack.url(),
                "--firebreak.slack.pacing.enabled=true", "--firebreak.slack.pacing.period=6s",
                "--firebreak.slack.pacing.per-channel=100ms", "--firebreak.slack.card-update-interval=100ms",
                "--firebreak.pagerduty.pacing.enabled=true",
                "--firebreak.pagerduty.api-token=" + FakePagerDuty.API_TOKEN,
                "--firebreak.pagerduty.from-email=" + FakePagerDuty.FROM,
                "--firebreak.pagerduty.api-url=" + pagerDuty.restBaseUrl(),
                "--firebreak.pagerduty.events-url=" + pagerDuty.eventsBaseUrl(),
                "--firebreak.pagerduty.routing.default-routing-key=" + FakePagerDuty.ROUTING_KEY));
        File log = logs.resolve("replica-" + index + ".log").toFile();
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }

    private static void awaitReady(int port, Process process, Path log) {
        Awaitility.await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(process.isAlive()).as("replica on %d is running, see %s", port, log).isTrue();
            try {
                return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
    }

    /** Sends to {@code first}, then like Alertmanager's retry to the next replica on a refused connection or 5xx. */
    private static int deliver(String body, int first, int[] ports) throws InterruptedException {
        int status = 0;
        for (int attempt = 0; attempt < 30; attempt++) {
            int port = ports[(first + attempt) % ports.length];
            try {
                status = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/alertmanager"))
                        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                        .header("Authorization", "Bearer storm").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status < 500) {
                    return status;
                }
            } catch (ConnectException e) {
                status = -1;
            } catch (IOException e) {
                status = -2; // connection reset by a killed replica: not accepted, send again
            }
            Thread.sleep(200);
        }
        return status;
    }

    private static String payload(int group) {
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

    private static long count(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
