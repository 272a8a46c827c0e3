package dev.firebreak.runbooks.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.firebreak.runbooks.Masker;
import dev.firebreak.runbooks.steps.http.GuardedHttpTransport;
import dev.firebreak.runbooks.steps.http.HttpPolicy;
import dev.firebreak.runbooks.steps.http.HttpRequestStep;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** http.request against a real local HTTP server: allow-list, private addresses, redirects, size limit, dry run. */
class HttpRequestStepTest {

    private HttpServer server;
    private int port;
    private final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            received.add(ex.getRequestMethod() + " " + ex.getRequestURI().getPath() + " "
                    + new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String path = ex.getRequestURI().getPath();
            byte[] body = "{\"ok\":true,\"token\":\"xoxb-1111-2222-secretsecret\"}".getBytes(StandardCharsets.UTF_8);
            switch (path) {
                case "/same" -> {
                    ex.getResponseHeaders().set("Location", "/health");
                    ex.sendResponseHeaders(302, -1);
                }
                case "/elsewhere" -> {
                    ex.getResponseHeaders().set("Location", "http://127.0.0.1:" + port + "/health");
                    ex.sendResponseHeaders(302, -1);
                }
                case "/big" -> {
                    body = "x".repeat(5000).getBytes(StandardCharsets.UTF_8);
                    ex.sendResponseHeaders(200, body.length);
                    ex.getResponseBody().write(body);
                }
                case "/broken" -> {
                    ex.sendResponseHeaders(503, -1);
                }
                default -> {
                    ex.getResponseHeaders().set("Content-Type", "application/json");
                    ex.sendResponseHeaders(200, body.length);
                    ex.getResponseBody().write(body);
                }
            }
            ex.close();
        });
        server.start();
        port = server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private StepResult call(
            HttpPolicy policy, GuardedHttpTransport.Resolver resolver, boolean dryRun, Map<String, Object> with) {
        var env = new StepEnvironment(
                null,
                null,
                new GuardedHttpTransport(policy, resolver),
                Clock.systemUTC(),
                dryRun,
                null,
                new Masker(List.of()));
        return StepRunner.run(
                new HttpRequestStep(),
                new StepRequest("run", "step", 1, with, Instant.now().plusSeconds(30), null, "U1"),
                env);
    }

    private static HttpPolicy loopbackAllowed(long maxBody) {
        return new HttpPolicy(Set.of("localhost"), List.of("127.0.0.0/8"), maxBody, Duration.ofSeconds(5));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void getsFromAnAllowedHostAndMasksTokensInTheOutputs() {
        StepResult r = call(loopbackAllowed(10_000), InetAddress::getAllByName, false, Map.of("url", url("/health")));
        assertThat(r.status()).isEqualTo(StepStatus.SUCCEEDED);
        assertThat(r.outputs()).containsEntry("status", 200L);
        assertThat(r.outputs().get("json")).isEqualTo(Map.of("ok", true, "token", Masker.MASK));
        assertThat(received).containsExactly("GET /health ");
    }

    @Test
    void aHostOffTheAllowListIsRefusedBeforeAnyConnection() {
        StepResult r = call(
                loopbackAllowed(10_000),
                InetAddress::getAllByName,
                false,
                Map.of("url", "http://127.0.0.1:" + port + "/health"));
        assertThat(r.status()).isEqualTo(StepStatus.FAILED);
        assertThat(r.errorKind()).isEqualTo(ErrorKind.REFUSED);
        assertThat(r.error()).contains("not on firebreak.runbooks.http.allowed-hosts");
        assertThat(received).isEmpty();
    }

    @Test
    void privateLoopbackAndLinkLocalAddressesAreRefusedAfterResolution() throws Exception {
        HttpPolicy policy = new HttpPolicy(Set.of("localhost", "metadata.test", "db.test"), List.of(), 10_000, null);
        assertThat(call(policy, InetAddress::getAllByName, false, Map.of("url", url("/health")))
                        .error())
                .contains("resolves to a loopback address");
        GuardedHttpTransport.Resolver fake = host -> new InetAddress[] {
            InetAddress.getByName(host.equals("metadata.test") ? "169.254.169.254" : "10.20.30.40")
        };
        assertThat(call(policy, fake, false, Map.of("url", "http://metadata.test/latest/meta-data"))
                        .error())
                .contains("link-local");
        assertThat(call(policy, fake, false, Map.of("url", "http://db.test/")).error())
                .contains("private");
        assertThat(received).isEmpty();
    }

    @Test
    void redirectsAreFollowedOnlyOnTheSameHost() {
        assertThat(call(loopbackAllowed(10_000), InetAddress::getAllByName, false, Map.of("url", url("/same")))
                        .status())
                .isEqualTo(StepStatus.SUCCEEDED);
        StepResult r =
                call(loopbackAllowed(10_000), InetAddress::getAllByName, false, Map.of("url", url("/elsewhere")));
        assertThat(r.errorKind()).isEqualTo(ErrorKind.REFUSED);
        assertThat(r.error()).contains("redirect to another host (127.0.0.1) not followed");
        assertThat(received).containsExactly("GET /same ", "GET /health ", "GET /elsewhere ");
    }

    @Test
    void bodiesAboveTheLimitAreRefused() {
        StepResult r = call(loopbackAllowed(1000), InetAddress::getAllByName, false, Map.of("url", url("/big")));
        assertThat(r.errorKind()).isEqualTo(ErrorKind.REFUSED);
        assertThat(r.error()).contains("response body larger than 1000 bytes");
    }

    @Test
    void aServerErrorIsTransientAndAPostInDryRunIsOnlyPlanned() {
        StepResult broken =
                call(loopbackAllowed(10_000), InetAddress::getAllByName, false, Map.of("url", url("/broken")));
        assertThat(broken.errorKind()).isEqualTo(ErrorKind.TRANSIENT);
        StepResult planned = call(
                loopbackAllowed(10_000),
                InetAddress::getAllByName,
                true,
                Map.of("url", url("/deploys"), "method", "POST", "body", Map.of("rollback", true)));
        assertThat(planned.status()).isEqualTo(StepStatus.PLANNED);
        assertThat(planned.planned())
                .isEqualTo(
                        new dev.firebreak.runbooks.steps.PlannedChange("POST", url("/deploys"), "{\"rollback\":true}"));
        assertThat(received).containsExactly("GET /broken ");
        StepResult sent = call(
                loopbackAllowed(10_000),
                InetAddress::getAllByName,
                false,
                Map.of("url", url("/deploys"), "method", "POST", "body", Map.of("rollback", true)));
        assertThat(sent.status()).isEqualTo(StepStatus.SUCCEEDED);
        assertThat(received).last().isEqualTo("POST /deploys {\"rollback\":true}");
    }

    @Test
    void getIsAReadAndPostAChange() {
        var step = new HttpRequestStep();
        assertThat(step.changes(Map.of())).isFalse();
        assertThat(step.changes(Map.of("method", "post"))).isTrue();
        assertThat(step.idempotent(Map.of("method", "POST"))).isFalse();
        assertThat(step.idempotent(Map.of("method", "PUT"))).isTrue();
    }
}
