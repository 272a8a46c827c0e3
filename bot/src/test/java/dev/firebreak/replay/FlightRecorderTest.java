package dev.firebreak.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.support.FirebreakTest;
import dev.firebreak.support.MutableClock;
import dev.firebreak.support.TestClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The flight recorder through the real webhook: every request, accepted or refused, with its answer and without
 * credentials; the NDJSON export (plain and gzip, by time and groupKey) reads back as a capture; retention by age and
 * the size limit hold under a storm of concurrent notifications.
 */
@FirebreakTest(
        properties = {
            "firebreak.alertmanager.bearer-token=am-token",
            "firebreak.api.token=test-token",
            "firebreak.recorder.max-size=64KB",
            "firebreak.recorder.max-age=1h",
            "firebreak.recorder.batch-size=50"
        })
@Import(TestClock.class)
class FlightRecorderTest {

    static final MutableClock CLOCK = TestClock.startingAt(Instant.parse("2026-12-01T05:00:00Z"));
    static final long MAX = 64 * 1024;

    @LocalServerPort
    int port;

    @Autowired
    FlightRecorder recorder;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry registry;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void empty() {
        recorder.flush();
        jdbc.update("DELETE FROM alert_recording");
    }

    @Test
    void recordsAcceptedAndRefusedRequestsWithTheirAnswersButNeverCredentials() throws Exception {
        Instant from = CLOCK.instant();
        String payload = fixture("firing-two-pods.json");
        assertThat(post(payload, "Bearer am-token", "application/json").statusCode())
                .isEqualTo(200);
        assertThat(post(payload, "Bearer wrong-token", "application/json").statusCode())
                .isEqualTo(401);
        assertThat(post("{not json", "Bearer am-token", "application/json").statusCode())
                .isEqualTo(400);
        assertThat(post(payload, "Bearer am-token", "text/plain").statusCode()).isEqualTo(415);
        recorder.flush();

        String ndjson = export("?from=" + from + "&to=" + CLOCK.instant().plusSeconds(1), false);
        List<JsonNode> lines = ndjson.lines().map(json::readTree).toList();
        assertThat(lines).extracting(l -> l.get("status").intValue()).containsExactly(200, 401, 400, 415);
        assertThat(lines)
                .extracting(l -> l.get("outcome").asString())
                .containsExactly("opened", "unauthorized", "malformed_json", "unsupported_media_type");
        assertThat(lines.get(0).get("incident").asString()).isEqualTo("INC-1");
        assertThat(lines.get(0).get("answer").get("outcome").asString()).isEqualTo("OPENED");
        assertThat(lines.get(0).get("payload").get("groupKey").asString())
                .startsWith("{}:{alertname=\"HighErrorRate\"");
        assertThat(lines.get(0).get("headers").get("content-type").asString()).isEqualTo("application/json");
        assertThat(lines.get(1).has("payload"))
                .as("refused from the headers: body never read")
                .isFalse();
        assertThat(lines.get(2).get("body").asString()).isEqualTo("{not json");
        assertThat(lines)
                .allSatisfy(
                        l -> assertThat(l.get("headers").has("authorization")).isFalse());
        assertThat(ndjson)
                .doesNotContainIgnoringCase("\"authorization\"")
                .doesNotContain("am-token")
                .doesNotContain("wrong-token");

        assertThat(export("?from=" + from + "&to=" + CLOCK.instant().plusSeconds(1), true))
                .isEqualTo(ndjson);
        String groupKey = lines.get(0).get("groupKey").asString();
        assertThat(export(
                                "?from=" + from + "&to=" + CLOCK.instant().plusSeconds(1) + "&groupKey="
                                        + URLEncoder.encode(groupKey, StandardCharsets.UTF_8),
                                false)
                        .lines())
                .hasSize(1);

        // The export is a capture: the accepted notification replays, the refused ones are skipped or refused again.
        List<Captures.Entry> capture = Captures.read(new ByteArrayInputStream(ndjson.getBytes(StandardCharsets.UTF_8)));
        assertThat(capture).hasSize(4);
        assertThat(capture).filteredOn(e -> !e.refusedBeforeIntake()).hasSize(2);

        HttpResponse<String> bad = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/api/recordings?from=yesterday"))
                        .header("Authorization", "Bearer test-token")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"error\"").contains("RFC 3339");
    }

    @Test
    void retentionByAgeAndTotalSizeHoldUnderAStorm() throws Exception {
        double recordedBefore = registry.counter("firebreak.recorder.recorded").count();
        AtomicLong largest = new AtomicLong();
        AtomicBoolean storming = new AtomicBoolean(true);
        Thread watcher = new Thread(() -> {
            while (storming.get()) {
                largest.accumulateAndGet(total(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        watcher.start();
        ExecutorService senders = Executors.newFixedThreadPool(16);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            String body = stormNotification(i);
            answers.add(senders.submit(
                    () -> post(body, "Bearer am-token", "application/json").statusCode()));
        }
        for (Future<Integer> a : answers) {
            assertThat(a.get(60, TimeUnit.SECONDS)).isEqualTo(200);
        }
        senders.shutdown();
        // A request is recorded just after its answer is sent: wait until all 600 are handed to the recorder.
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> registry.counter("firebreak.recorder.recorded").count() >= recordedBefore + 600
                                || registry.counter("firebreak.recorder.dropped")
                                                .count()
                                        > 0,
                        ok -> {
                            recorder.flush();
                            return ok;
                        });
        recorder.flush();
        storming.set(false);
        watcher.join();

        long recorded = jdbc.queryForObject("SELECT COUNT(*) FROM alert_recording", Long.class);
        long bytesPerRow = total() / Math.max(1, recorded);
        assertThat(registry.counter("firebreak.recorder.dropped").count()).isZero();
        assertThat(total()).isLessThanOrEqualTo(MAX);
        assertThat(recorded)
                .as("the newest are kept")
                .isGreaterThan(MAX / bytesPerRow / 2)
                .isLessThan(600);
        // Between prunes the table exceeds max-size by at most a tenth of it per batch written and the prune threshold.
        assertThat(largest.get()).isLessThanOrEqualTo(MAX + MAX / 10 * 2 + 2 * bytesPerRow);

        // Age: an hour later everything recorded so far is pruned, what comes next is kept.
        CLOCK.advance(Duration.ofMinutes(61));
        assertThat(post(stormNotification(9999), "Bearer am-token", "application/json")
                        .statusCode())
                .isEqualTo(200);
        recorder.flush();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM alert_recording", Long.class))
                .isEqualTo(1);
    }

    private long total() {
        return jdbc.queryForObject("SELECT COALESCE(SUM(size_bytes), 0) FROM alert_recording", Long.class);
    }

    private static String stormNotification(int i) {
        int group = i % 60;
        StringBuilder alerts = new StringBuilder();
        for (int a = 0; a < 5; a++) {
            alerts.append(a == 0 ? "" : ",")
                    .append("{\"status\":\"firing\",\"labels\":{\"alertname\":\"Storm\",\"group\":\"g")
                    .append(group)
                    .append("\",\"pod\":\"p")
                    .append(a)
                    .append("\"},\"annotations\":{\"summary\":\"storm ")
                    .append(group)
                    .append("\"},\"startsAt\":\"2026-12-01T04:59:00Z\",\"fingerprint\":\"f")
                    .append(group)
                    .append('-')
                    .append(a)
                    .append("\"}");
        }
        return "{\"version\":\"4\",\"status\":\"firing\",\"receiver\":\"firebreak\",\"groupKey\":\"{}:{group=\\\"g"
                + group
                + "\\\"}\",\"groupLabels\":{\"group\":\"g" + group + "\"},\"commonLabels\":{\"alertname\":\"Storm\"},"
                + "\"alerts\":[" + alerts + "]}";
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private HttpResponse<String> post(String body, String authorization, String contentType) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base() + "/webhooks/alertmanager"))
                        .header("Authorization", authorization)
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String export(String query, boolean gzip) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + "/api/recordings" + query))
                .header("Authorization", "Bearer test-token")
                .GET();
        if (gzip) {
            b.header("Accept-Encoding", "gzip");
        }
        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/x-ndjson"));
        byte[] body = r.body();
        if (gzip) {
            assertThat(r.headers().firstValue("Content-Encoding")).hasValue("gzip");
            body = new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes();
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = FlightRecorderTest.class.getResourceAsStream("/fixtures/alertmanager/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
