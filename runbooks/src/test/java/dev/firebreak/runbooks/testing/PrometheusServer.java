package dev.firebreak.runbooks.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus server (Debian's {@code prometheus} package, 2.42) on a free port, with known data:
 * <ul>
 *   <li>{@link #backfilled(String)}: OpenMetrics text turned into TSDB blocks by {@code promtool tsdb
 *       create-blocks-from openmetrics} before the server starts; queryable at once (query at a time inside the samples,
 *       or with a range selector wide enough: an instant query only looks back 5 minutes);</li>
 *   <li>{@link #scraping(URI)}: scrapes a test's HTTP endpoint every second; the first sample is there after a few
 *       seconds.</li>
 * </ul>
 * Missing binaries fail the test under {@code CI=true} and skip it elsewhere (see {@link TestBinaries}).
 */
public final class PrometheusServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path dir;
    private final URI url;
    private final ManagedProcess process;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private PrometheusServer(Path dir, URI url, ManagedProcess process) {
        this.dir = dir;
        this.url = url;
        this.process = process;
    }

    /**
     * Starts Prometheus over the given OpenMetrics samples ({@code # TYPE up gauge}, {@code up{job="api"} 1
     * 1700000000}, ..., last line {@code # EOF}; timestamps in Unix seconds).
     */
    public static PrometheusServer backfilled(String openMetrics) {
        Path promtool = TestBinaries.prometheus("promtool");
        Path prometheus = TestBinaries.prometheus("prometheus");
        Path dir = ManagedProcess.tempDir("firebreak-prometheus-");
        try {
            String text = openMetrics.endsWith("\n") ? openMetrics : openMetrics + "\n";
            if (!text.contains("# EOF")) {
                text += "# EOF\n";
            }
            Files.writeString(dir.resolve("data.om"), text);
            Files.createDirectories(dir.resolve("tsdb"));
            run(
                    dir,
                    "promtool",
                    List.of(
                            promtool.toString(),
                            "tsdb",
                            "create-blocks-from",
                            "openmetrics",
                            dir.resolve("data.om").toString(),
                            dir.resolve("tsdb").toString()));
            Files.writeString(dir.resolve("prometheus.yml"), "global:\n  scrape_interval: 15s\n");
            return start(prometheus, dir);
        } catch (IOException e) {
            ManagedProcess.deleteTree(dir);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            ManagedProcess.deleteTree(dir);
            throw e;
        }
    }

    /** Starts Prometheus scraping {@code target} (a full URL: http://127.0.0.1:PORT/metrics) every second. */
    public static PrometheusServer scraping(URI target) {
        Path prometheus = TestBinaries.prometheus("prometheus");
        Path dir = ManagedProcess.tempDir("firebreak-prometheus-");
        try {
            Files.createDirectories(dir.resolve("tsdb"));
            Files.writeString(dir.resolve("prometheus.yml"), """
          global:
            scrape_interval: 1s
            evaluation_interval: 1s
          scrape_configs:
            - job_name: test
              scrape_interval: 1s
              scrape_timeout: 1s
              scheme: %s
              metrics_path: "%s"
              static_configs:
                - targets: ["%s"]
          """.formatted(
                            target.getScheme(),
                            target.getRawPath().isEmpty() ? "/metrics" : target.getRawPath(),
                            target.getAuthority()));
            return start(prometheus, dir);
        } catch (IOException e) {
            ManagedProcess.deleteTree(dir);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            ManagedProcess.deleteTree(dir);
            throw e;
        }
    }

    private static PrometheusServer start(Path prometheus, Path dir) {
        int port = ManagedProcess.freePort();
        URI url = URI.create("http://127.0.0.1:" + port);
        List<String> command = new ArrayList<>(List.of(
                prometheus.toString(),
                "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("tsdb"),
                // retention is measured against the newest sample; backfilled data must not be dropped
                "--storage.tsdb.retention.time=10y",
                "--web.listen-address=127.0.0.1:" + port,
                "--web.enable-lifecycle"));
        ManagedProcess process = ManagedProcess.start("prometheus", dir, command);
        PrometheusServer server = new PrometheusServer(dir, url, process);
        try {
            process.awaitReady(START_TIMEOUT, () -> server.status("/-/ready") == 200);
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** http://127.0.0.1:PORT, e.g. for {@code firebreak.prometheus.url}. */
    public URI url() {
        return url;
    }

    /** The raw JSON of {@code /api/v1/query} for {@code promql} evaluated at {@code time}. */
    public String query(String promql, Instant time) {
        String query = "query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8) + "&time=" + time.getEpochSecond()
                + "." + String.format("%03d", time.getNano() / 1_000_000);
        return get("/api/v1/query?" + query);
    }

    private String get(String pathAndQuery) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(url.resolve(pathAndQuery))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "GET " + pathAndQuery + " -> " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private int status(String path) {
        try {
            return http.send(
                            HttpRequest.newBuilder(url.resolve(path))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void run(Path dir, String name, List<String> command) {
        Path log = dir.resolve(name + ".log");
        try {
            Process process = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(name + " timed out");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(
                        name + " failed (" + process.exitValue() + "): " + Files.readString(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the server and deletes its data. */
    @Override
    public void close() {
        process.close();
        ManagedProcess.deleteTree(dir);
    }
}
