package dev.firebreak.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.firebreak.support.HttpTestClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the drill safety tests share: a runbook that changes something (a POST to a real local HTTP server) and
 * starts by itself on {@code HighErrorRate}, the capture that fires it, and the incident, page and runbook series of
 * {@code /actuator/prometheus} as a map to compare before and after a drill.
 */
public final class DrillFixtures {

    /** A drill service's routing key (FakePagerDuty accepts it once added). */
    static final String DRILL_ROUTING_KEY = "DR1LLKEYabcdef0123456789abcdef01";

    /** The series a drill must not move: incident counters, MTTA/MTTM/MTTR histograms, pages, runbook runs. */
    private static final List<String> GUARDED = List.of(
            "firebreak_incidents_opened_total",
            "firebreak_incidents_resolved_total",
            "firebreak_incident_time_to_",
            "firebreak_pages_sent_total",
            "firebreak_runbook_runs_total",
            "firebreak_incidents{");

    private DrillFixtures() {}

    /** A capture of two notifications: HighErrorRate (critical: pages, starts {@code restart-checkout}), DiskFull. */
    static String capture() {
        return DrillEndToEndTest.fixture("firing-two-pods.json").replace('\n', ' ') + "\n"
                + DrillEndToEndTest.fixture("behaviour/02-firing-bearer.json").replace('\n', ' ') + "\n";
    }

    /** A runbooks folder with {@code restart-checkout}: auto on HighErrorRate, one changing step (POST). */
    static String runbooks(Target target) {
        return runbooks(target, true);
    }

    /**
     * A runbooks folder with {@code restart-checkout}: one changing step (POST {@code /restart} to {@code target});
     * it matches HighErrorRate, and starts by itself on it only when {@code auto}.
     */
    public static String runbooks(Target target, boolean auto) {
        try {
            Path dir = Files.createTempDirectory("firebreak-drill-runbooks-");
            Files.writeString(dir.resolve("restart-checkout.yml"), """
                    id: restart-checkout
                    title: Restart checkout
                    triggers:
                      - when: 'alert.labels.alertname == "HighErrorRate"'
                        auto: AUTO
                        once-per: incident
                    steps:
                      - id: restart
                        type: http.request
                        with:
                          url: 'BASE/restart'
                          method: POST
                          body: 'restart {{ incident.ref }}'
                    """.replace("BASE", target.url())
                    .replace("AUTO", String.valueOf(auto)));
            return dir.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The guarded series of a Prometheus scrape, by series name and labels. */
    static Map<String, String> guardedSeries(int port) {
        HttpTestClient.Response scrape = HttpTestClient.on(port).get("/actuator/prometheus");
        assertThat(scrape.status()).isEqualTo(200);
        Map<String, String> series = new TreeMap<>();
        for (String line : scrape.body().split("\n")) {
            if (line.startsWith("#") || GUARDED.stream().noneMatch(line::startsWith)) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            series.put(line.substring(0, space), line.substring(space + 1));
        }
        assertThat(series).as("the scrape has the guarded series").isNotEmpty();
        return series;
    }

    /** Only the {@code firebreak_incidents} gauge (incidents by status and severity, refreshed every 5 s). */
    static Map<String, String> gauge(Map<String, String> series) {
        Map<String, String> gauge = new TreeMap<>(series);
        gauge.keySet().removeIf(k -> !k.startsWith("firebreak_incidents{"));
        return gauge;
    }

    /** All but the gauge. */
    static Map<String, String> counters(Map<String, String> series) {
        Map<String, String> counters = new TreeMap<>(series);
        counters.keySet().removeIf(k -> k.startsWith("firebreak_incidents{"));
        return counters;
    }

    /** A real HTTP server that runbook steps call; records each request as {@code METHOD path body}. */
    public static final class Target implements AutoCloseable {
        private final HttpServer server;
        public final List<String> requests = new CopyOnWriteArrayList<>();

        public Target() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", exchange -> {
                String body =
                        new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                requests.add(exchange.getRequestMethod() + " "
                        + exchange.getRequestURI().getPath() + " " + body);
                byte[] answer = "{\"ok\":true}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
        }

        public String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
