package dev.firebreak.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.firebreak.support.FirebreakTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * End to end with a REAL Prometheus Alertmanager (Debian package {@code prometheus-alertmanager}) whose
 * webhook receiver is the running bot: alerts posted to Alertmanager's API open one incident holding both
 * alerts; the same alerts posted again with an end in the past resolve it. Without the binary the test is
 * skipped, except on CI ({@code CI=true}) where it fails.
 */
@FirebreakTest(properties = {"firebreak.alertmanager.bearer-token=am-token", "firebreak.api.token=test-token"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealAlertmanagerEndToEndTest {

    static final Path BINARY =
            Path.of(System.getProperty("firebreak.test.alertmanager", "/usr/bin/prometheus-alertmanager"));

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private Process alertmanager;
    private Path dir;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void alertsFromARealAlertmanagerOpenAndResolveOneIncident() throws Exception {
        if (!Files.isExecutable(BINARY)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(BINARY + " is missing; .ci/setup installs the Debian package prometheus-alertmanager");
            }
            Assumptions.abort(BINARY + " is not installed (apt-get install prometheus-alertmanager); skipping");
        }
        int amPort = freePort();
        startAlertmanager(amPort);
        IntakeQueries db = new IntakeQueries(jdbc);
        String alertname = "E2E" + UUID.randomUUID().toString().substring(0, 8);
        Instant start = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);

        postAlerts(amPort, alerts(alertname, start, null));
        String groupKey = "{}:{alertname=\"" + alertname + "\"}";
        UUID id = awaitOrExplain(() -> {
            List<UUID> ids = db.incidentsOf(groupKey);
            return ids.size() == 1 && db.alertsOf(ids.get(0)).size() == 2 ? ids.get(0) : null;
        });
        assertThat(db.incidentsOf(groupKey)).hasSize(1);
        assertThat(db.alertsOf(id)).extracting(a -> a.get("status")).containsOnly("firing");
        assertThat(jdbc.queryForObject("select severity from incident where id = ?", String.class, id))
                .isEqualTo("SEV2");
        assertThat(jdbc.queryForObject("select title from incident where id = ?", String.class, id))
                .isEqualTo("Disk will fill within 4 hours");

        postAlerts(amPort, alerts(alertname, start, Instant.now().minusSeconds(1)));
        awaitOrExplain(() -> "RESOLVED".equals(db.status(id)) ? id : null);
        assertThat(db.alertsOf(id)).extracting(a -> a.get("status")).containsOnly("resolved");
        assertThat(db.incidentsOf(groupKey)).hasSize(1);
    }

    private UUID awaitOrExplain(java.util.concurrent.Callable<UUID> probe) throws IOException {
        try {
            return Awaitility.await()
                    .atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(200))
                    .until(probe, v -> v != null);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    "Timed out; Alertmanager log:\n" + Files.readString(dir.resolve("alertmanager.log")), e);
        }
    }

    private static String alerts(String alertname, Instant start, Instant end) {
        StringBuilder json = new StringBuilder("[");
        for (String instance : new String[] {"ceph-1:9100", "ceph-2:9100"}) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append("{\"labels\":{\"alertname\":\"")
                    .append(alertname)
                    .append("\",\"severity\":\"critical\",")
                    .append("\"service\":\"ceph\",\"instance\":\"")
                    .append(instance)
                    .append("\"},")
                    .append("\"annotations\":{\"summary\":\"Disk will fill within 4 hours\"},")
                    .append("\"startsAt\":\"")
                    .append(start)
                    .append('"');
            if (end != null) {
                json.append(",\"endsAt\":\"").append(end).append('"');
            }
            json.append('}');
        }
        return json.append(']').toString();
    }

    private void postAlerts(int amPort, String json) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + amPort + "/api/v2/alerts"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private void startAlertmanager(int amPort) throws Exception {
        dir = Files.createTempDirectory("firebreak-am-e2e");
        Path config = dir.resolve("alertmanager.yml");
        Files.writeString(config, """
                global:
                  resolve_timeout: 5m
                route:
                  receiver: firebreak
                  group_by: ['alertname']
                  group_wait: 1s
                  group_interval: 1s
                  repeat_interval: 1h
                receivers:
                  - name: firebreak
                    webhook_configs:
                      - url: http://127.0.0.1:%d/webhooks/alertmanager
                        send_resolved: true
                        http_config:
                          authorization:
                            type: Bearer
                            credentials: am-token
                """.formatted(port), StandardCharsets.UTF_8);
        alertmanager = new ProcessBuilder(
                        BINARY.toString(),
                        "--config.file=" + config,
                        "--storage.path=" + dir.resolve("data"),
                        "--web.listen-address=127.0.0.1:" + amPort,
                        "--cluster.listen-address=")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("alertmanager.log").toFile())
                .start();
        try {
            Awaitility.await()
                    .atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        if (!alertmanager.isAlive()) {
                            throw new IllegalStateException(
                                    "Alertmanager exited: " + Files.readString(dir.resolve("alertmanager.log")));
                        }
                        try {
                            return http.send(
                                                    HttpRequest.newBuilder(URI.create(
                                                                    "http://127.0.0.1:" + amPort + "/-/ready"))
                                                            .GET()
                                                            .build(),
                                                    HttpResponse.BodyHandlers.discarding())
                                            .statusCode()
                                    == 200;
                        } catch (IOException e) {
                            return false;
                        }
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    "Alertmanager did not become ready: " + Files.readString(dir.resolve("alertmanager.log")), e);
        }
    }

    @AfterAll
    void stopAlertmanager() throws Exception {
        if (alertmanager != null) {
            alertmanager.destroy();
            if (!alertmanager.waitFor(5, TimeUnit.SECONDS)) {
                alertmanager.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
        if (dir != null) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
