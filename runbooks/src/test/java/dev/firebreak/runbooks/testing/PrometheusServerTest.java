package dev.firebreak.runbooks.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A real Prometheus answers PromQL over backfilled samples and over a scraped local endpoint. */
class PrometheusServerTest {

    @Test
    void answersPromQlOverBackfilledSamples() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(30));
        StringBuilder om = new StringBuilder("# TYPE http_requests counter\n");
        for (int minute = 0; minute <= 10; minute++) {
            long at = start.plus(Duration.ofMinutes(minute)).getEpochSecond();
            om.append("http_requests_total{job=\"checkout\",code=\"500\"} ")
                    .append(minute * 60)
                    .append(' ')
                    .append(at)
                    .append('\n');
            om.append("http_requests_total{job=\"checkout\",code=\"200\"} ")
                    .append(minute * 540)
                    .append(' ')
                    .append(at)
                    .append('\n');
        }
        om.append("# EOF\n");

        try (PrometheusServer prometheus = PrometheusServer.backfilled(om.toString())) {
            String json = prometheus.query(
                    "round(sum(rate(http_requests_total{code=\"500\"}[5m])) / sum(rate(http_requests_total[5m])), 0.001)",
                    start.plus(Duration.ofMinutes(10)));

            assertThat(json)
                    .contains("\"status\":\"success\"")
                    .contains("\"resultType\":\"vector\"")
                    .contains("\"0.1\"");
            assertThat(prometheus.query("up", start.plus(Duration.ofMinutes(10))))
                    .contains("\"result\":[]");
        }
    }

    @Test
    void scrapesALocalEndpoint() throws IOException, InterruptedException {
        AtomicInteger queueDepth = new AtomicInteger(7);
        HttpServer target = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        target.createContext("/metrics", exchange -> {
            byte[] body = ("# TYPE queue_depth gauge\nqueue_depth " + queueDepth.get() + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        target.start();
        try (PrometheusServer prometheus = PrometheusServer.scraping(
                URI.create("http://127.0.0.1:" + target.getAddress().getPort() + "/metrics"))) {
            String json = "";
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!json.contains("\"7\"") && System.nanoTime() < deadline) {
                Thread.sleep(250);
                json = prometheus.query("queue_depth", Instant.now());
            }
            assertThat(json).contains("\"job\":\"test\"").contains("\"7\"");
        } finally {
            target.stop(0);
        }
    }
}
