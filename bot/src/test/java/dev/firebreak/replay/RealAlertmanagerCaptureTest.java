package dev.firebreak.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.firebreak.support.FirebreakTest;
import java.io.ByteArrayInputStream;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import java.util.zip.GZIPInputStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two REAL Alertmanagers (not peered, as an HA pair that lost its mesh) notify the running bot through a storm of 15
 * groups of 5 alerts with {@code max_alerts: 3} (truncation), partial resolves, and out-of-order resolves (one
 * Alertmanager resolves a group while the other still fires it and sees a new alert). The flight recorder records
 * every request; the export ({@code GET /api/recordings}, gzip) is a capture that, replayed offline with the same
 * configuration, ends with the same incidents as the live bot. Run with
 * {@code -Dfirebreak.capture.save=bot/src/test/resources/replay/storm-ha-truncated.ndjson} to refresh the committed
 * capture. Skipped without the binary, except on CI.
 */
@FirebreakTest(
        properties = {
            "firebreak.alertmanager.bearer-token=am-token",
            "firebreak.api.token=test-token",
            "firebreak.storm.enabled=true",
            "firebreak.storm.threshold=10",
            "firebreak.storm.window=2m",
            "firebreak.test.context=replay-real-am"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealAlertmanagerCaptureTest {

    static final Path BINARY =
            Path.of(System.getProperty("firebreak.test.alertmanager", "/usr/bin/prometheus-alertmanager"));
    static final int GROUPS = 15;
    static final int PER_GROUP = 5;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FlightRecorder recorder;

    private final List<Process> alertmanagers = new ArrayList<>();
    private final List<Path> dirs = new ArrayList<>();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void aStormFromAnHaPairRecordedAndReplayedOfflineGivesTheLiveIncidents() throws Exception {
        if (!Files.isExecutable(BINARY)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(BINARY + " is missing; .ci/setup installs the Debian package prometheus-alertmanager");
            }
            Assumptions.abort(BINARY + " is not installed; skipping");
        }
        Instant testStart = Instant.now().minusSeconds(1);
        int am1 = start("am1");
        int am2 = start("am2");
        Instant t0 = Instant.now().minus(2, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);

        // 1. The storm: every alert to both Alertmanagers.
        StringBuilder all = new StringBuilder();
        for (int g = 1; g <= GROUPS; g++) {
            for (int i = 1; i <= PER_GROUP; i++) {
                append(all, alert(g, i, t0, null));
            }
        }
        post(am1, all);
        post(am2, all);
        awaitRecordings(n -> n >= GROUPS * 2);

        // 2. Partial resolves in groups 1-3 (on both): two of five alerts end.
        StringBuilder partial = new StringBuilder();
        Instant end = Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
        for (int g = 1; g <= 3; g++) {
            for (int i = 1; i <= 2; i++) {
                append(partial, alert(g, i, t0, end));
            }
        }
        post(am1, partial);
        post(am2, partial);
        awaitRecordings(n -> n >= GROUPS * 2 + 6);

        // 3. Out of order: am1 resolves groups 4-6 while am2 still fires them and sees one more alert each.
        StringBuilder resolve = new StringBuilder();
        StringBuilder relapse = new StringBuilder();
        for (int g = 4; g <= 6; g++) {
            for (int i = 1; i <= PER_GROUP; i++) {
                append(resolve, alert(g, i, t0, end));
            }
            append(relapse, alert(g, 6, t0.plusSeconds(30), null));
        }
        post(am1, resolve);
        awaitRecordings(n -> n >= GROUPS * 2 + 9);
        post(am2, relapse);
        awaitRecordings(n -> n >= GROUPS * 2 + 12);
        // ... and later am2 learns of the resolves too (the new alert resolves as well), and am1 of the new alert.
        StringBuilder late = new StringBuilder(resolve);
        for (int g = 4; g <= 6; g++) {
            append(late, alert(g, 6, t0.plusSeconds(30), Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        }
        post(am2, late);
        post(am1, late);
        // 4. Groups 13-15 resolve on both: the second resolve finds no open incident.
        StringBuilder done = new StringBuilder();
        for (int g = 13; g <= GROUPS; g++) {
            for (int i = 1; i <= PER_GROUP; i++) {
                append(done, alert(g, i, t0, Instant.now().truncatedTo(ChronoUnit.SECONDS)));
            }
        }
        post(am1, done);
        post(am2, done);
        awaitQuiet(GROUPS * 2 + 12 + 3 + 3);

        // The export is a capture.
        HttpResponse<byte[]> r = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/recordings?from=" + testStart
                                + "&to=" + Instant.now().plusSeconds(60)))
                        .header("Authorization", "Bearer test-token")
                        .header("Accept-Encoding", "gzip")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Encoding")).hasValue("gzip");
        byte[] ndjson = new GZIPInputStream(new ByteArrayInputStream(r.body())).readAllBytes();
        String text = new String(ndjson, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("am-token").doesNotContainIgnoringCase("\"authorization\"");
        String save = System.getProperty("firebreak.capture.save");
        if (save != null && !save.isBlank()) {
            Files.writeString(Path.of(save), text);
        }
        List<Captures.Entry> capture = Captures.read(new ByteArrayInputStream(ndjson));
        assertCaptureHasTheStormsShape(text);

        List<String> live = ReplayParity.live(jdbc, ReplayParity.groupKeys(capture));
        List<String> offline = ReplayParity.offline(ReplayCliTest.resource("replay/default.yml"), capture);
        assertThat(live).hasSizeGreaterThan(GROUPS / 2).anyMatch(l -> l.contains(" + "));
        assertThat(offline).containsExactlyElementsOf(live);
    }

    /**
     * HA duplicates (same group from both external URLs), truncation, a storm (more than 10 groups within 2 min), and
     * out-of-order: a group fired by one Alertmanager after the other had resolved it.
     */
    private static void assertCaptureHasTheStormsShape(String text) {
        JsonMapper json = JsonMapper.builder().build();
        List<JsonNode> lines = text.lines().map(json::readTree).toList();
        assertThat(lines).allSatisfy(l -> assertThat(l.get("status").intValue()).isEqualTo(200));
        assertThat(lines)
                .anySatisfy(
                        l -> assertThat(l.get("payload").get("truncatedAlerts").intValue())
                                .isPositive());
        assertThat(lines.stream()
                        .map(l -> l.get("payload").get("externalURL").asString())
                        .distinct())
                .hasSize(2);
        // Which Alertmanager's resolved notification arrives first is up to the two real processes: the other one
        // either resolves or finds no open incident, so either outcome shows that groups resolved.
        List<String> outcomes =
                lines.stream().map(l -> l.get("outcome").asString()).distinct().toList();
        assertThat(outcomes).contains("opened", "updated", "joined_storm");
        assertThat(outcomes).containsAnyOf("resolved", "ignored_no_open_incident");
        java.util.Set<String> resolved = new java.util.HashSet<>();
        boolean firingAfterResolved = false;
        for (JsonNode l : lines) {
            String group = l.get("groupKey").asString();
            if ("resolved".equals(l.get("payload").get("status").asString())) {
                resolved.add(group);
            } else if (resolved.contains(group)) {
                firingAfterResolved = true;
            }
        }
        assertThat(firingAfterResolved)
                .as("a group fired after it was resolved (out of order)")
                .isTrue();
    }

    private void awaitRecordings(IntPredicate enough) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    recorder.flush();
                    return enough.test(count());
                });
    }

    /** At least {@code min} requests recorded, then nothing new for 3 s. */
    private void awaitQuiet(int min) {
        awaitRecordings(n -> n >= min);
        int[] last = {-1};
        Instant[] since = {Instant.now()};
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    recorder.flush();
                    int n = count();
                    if (n != last[0]) {
                        last[0] = n;
                        since[0] = Instant.now();
                    }
                    return Duration.between(since[0], Instant.now()).toMillis() > 3000;
                });
    }

    private int count() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM alert_recording", Integer.class);
    }

    private static void append(StringBuilder json, String alert) {
        json.append(json.length() == 0 ? "" : ",").append(alert);
    }

    private static String alert(int group, int instance, Instant start, Instant end) {
        return "{\"labels\":{\"alertname\":\"NodeDown\",\"cluster\":\"c" + (group < 10 ? "0" : "") + group
                + "\",\"severity\":\"" + (group % 3 == 0 ? "warning" : "critical") + "\",\"service\":\"fleet\","
                + "\"instance\":\"node-" + instance + ":9100\"},\"annotations\":{\"summary\":\"Node down in c" + group
                + "\"},\"startsAt\":\"" + start + "\"" + (end == null ? "" : ",\"endsAt\":\"" + end + "\"") + "}";
    }

    private void post(int amPort, StringBuilder alerts) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + amPort + "/api/v2/alerts"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("[" + alerts + "]"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private int start(String name) throws Exception {
        int amPort = freePort();
        Path dir = Files.createTempDirectory("firebreak-capture-" + name);
        dirs.add(dir);
        Path config = dir.resolve("alertmanager.yml");
        Files.writeString(config, """
                route:
                  receiver: firebreak
                  group_by: ['alertname', 'cluster']
                  group_wait: 1s
                  group_interval: 1s
                  repeat_interval: 1h
                receivers:
                  - name: firebreak
                    webhook_configs:
                      - url: http://127.0.0.1:%d/webhooks/alertmanager
                        send_resolved: true
                        max_alerts: 3
                        http_config:
                          authorization:
                            type: Bearer
                            credentials: am-token
                """.formatted(port), StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(
                        BINARY.toString(),
                        "--config.file=" + config,
                        "--storage.path=" + dir.resolve("data"),
                        "--web.listen-address=127.0.0.1:" + amPort,
                        "--web.external-url=http://" + name + ".example.test:9093",
                        "--cluster.listen-address=")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("alertmanager.log").toFile())
                .start();
        alertmanagers.add(p);
        Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    if (!p.isAlive()) {
                        throw new IllegalStateException(
                                "Alertmanager exited: " + Files.readString(dir.resolve("alertmanager.log")));
                    }
                    try {
                        return http.send(
                                                HttpRequest.newBuilder(
                                                                URI.create("http://127.0.0.1:" + amPort + "/-/ready"))
                                                        .GET()
                                                        .build(),
                                                HttpResponse.BodyHandlers.discarding())
                                        .statusCode()
                                == 200;
                    } catch (IOException e) {
                        return false;
                    }
                });
        return amPort;
    }

    @AfterAll
    void stop() throws Exception {
        for (Process p : alertmanagers) {
            p.destroy();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
        for (Path dir : dirs) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
