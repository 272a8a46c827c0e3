package dev.firebreak.runbooks.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.firebreak.runbooks.Masker;
import dev.firebreak.runbooks.steps.control.WaitUntilStep;
import dev.firebreak.runbooks.steps.prometheus.PrometheusQueryStep;
import dev.firebreak.runbooks.testing.PrometheusServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** prometheus.query and wait-until against a real Prometheus (Debian's binary, started by the test). */
class PrometheusStepsRealServerTest {

    private static StepEnvironment env(URI prometheus) {
        return new StepEnvironment(null, prometheus, null, Clock.systemUTC(), false, null, new Masker(List.of()));
    }

    private static StepRequest request(Map<String, Object> with) {
        return new StepRequest("run", "q", 1, with, Instant.now().plusSeconds(60), null, "U1");
    }

    @Test
    void queriesTheErrorRatioOverBackfilledSamplesAndChecksExpectations() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        StringBuilder om = new StringBuilder("# TYPE http_requests counter\n");
        for (int i = 20; i >= 0; i--) {
            long at = now.minus(Duration.ofSeconds(30L * i)).getEpochSecond();
            long n = 20 - i;
            om.append("http_requests_total{service=\"checkout\",code=\"500\"} ")
                    .append(n * 30)
                    .append(' ')
                    .append(at)
                    .append('\n');
            om.append("http_requests_total{service=\"checkout\",code=\"200\"} ")
                    .append(n * 270)
                    .append(' ')
                    .append(at)
                    .append('\n');
        }
        try (PrometheusServer prometheus = PrometheusServer.backfilled(om.toString())) {
            String ratio = "sum(rate(http_requests_total{service=\"checkout\", code=~\"5..\"}[5m]))"
                    + " / sum(rate(http_requests_total{service=\"checkout\"}[5m]))";
            StepResult ok =
                    StepRunner.run(new PrometheusQueryStep(), request(Map.of("query", ratio)), env(prometheus.url()));
            assertThat(ok.status()).isEqualTo(StepStatus.SUCCEEDED);
            assertThat((Double) ok.outputs().get("value")).isCloseTo(0.1, org.assertj.core.data.Offset.offset(0.001));
            assertThat(ok.outputs()).containsEntry("resultType", "vector").containsEntry("empty", false);

            StepResult breached = StepRunner.run(
                    new PrometheusQueryStep(),
                    request(Map.of("query", ratio, "expect", "< 0.05")),
                    env(prometheus.url()));
            assertThat(breached.status()).isEqualTo(StepStatus.FAILED);
            assertThat(breached.errorKind()).isEqualTo(ErrorKind.EXPECTATION);
            assertThat(breached.error()).contains("expected < 0.05");

            StepResult vector = StepRunner.run(
                    new PrometheusQueryStep(),
                    request(Map.of("query", "sum by (code) (http_requests_total)")),
                    env(prometheus.url()));
            assertThat(vector.outputs()).containsEntry("count", 2L).containsEntry("max", 5400.0);

            StepResult bad =
                    StepRunner.run(new PrometheusQueryStep(), request(Map.of("query", "sum(")), env(prometheus.url()));
            assertThat(bad.errorKind()).isEqualTo(ErrorKind.INVALID);
            assertThat(bad.error()).startsWith("Prometheus: bad_data");
        }
    }

    @Test
    void waitUntilPollsARealPrometheusUntilTheConditionHolds() throws IOException, InterruptedException {
        AtomicInteger depth = new AtomicInteger(7);
        HttpServer target = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        target.createContext("/metrics", ex -> {
            byte[] body =
                    ("# TYPE queue_depth gauge\nqueue_depth " + depth.get() + "\n").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        target.start();
        try (PrometheusServer prometheus = PrometheusServer.scraping(
                URI.create("http://127.0.0.1:" + target.getAddress().getPort() + "/metrics"))) {
            var waitUntil = new WaitUntilStep(StepTypes.standard());
            Map<String, Object> with = Map.of(
                    "step",
                    "prometheus.query",
                    "with",
                    Map.of("query", "max(queue_depth)"),
                    "condition",
                    "!result.empty && result.value == 0.0",
                    "interval",
                    "1s");
            StepResult first = StepRunner.run(waitUntil, request(with), env(prometheus.url()));
            assertThat(first.status()).isEqualTo(StepStatus.POLLING);
            assertThat(first.wakeAt()).isAfter(Instant.now().minusSeconds(1));
            depth.set(0);
            StepResult last = first;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (last.status() == StepStatus.POLLING && System.nanoTime() < deadline) {
                Thread.sleep(Math.max(
                        0, Duration.between(Instant.now(), last.wakeAt()).toMillis()));
                last = StepRunner.run(waitUntil, request(with), env(prometheus.url()));
            }
            assertThat(last.status()).isEqualTo(StepStatus.SUCCEEDED);
            assertThat(last.outputs()).containsEntry("met", true).containsEntry("value", 0.0);
        } finally {
            target.stop(0);
        }
    }
}
