package dev.firebreak.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.slack.FakeSlack;
import dev.firebreak.support.FirebreakTest;
import dev.firebreak.support.HttpTestClient;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 9, defect 3: connections that send headers and then a byte now and then tied up every Tomcat worker
 * (also when the request was refused with 401, and on the public /slack/events), and health timed out. Here
 * Tomcat has 8 worker threads and 36 slow connections are open at once (more than twice the pool): health must
 * keep answering within a second, unauthenticated ones are refused before their body, and authenticated slow
 * bodies get a 408 once firebreak.http.body-timeout has passed.
 */
@FirebreakTest(
        properties = {
            "firebreak.alertmanager.bearer-token=am-token",
            "firebreak.api.token=test-token",
            "firebreak.outbox.enabled=false",
            "server.tomcat.threads.max=8",
            "server.tomcat.threads.min-spare=2",
            "firebreak.http.body-timeout=3s",
            "firebreak.slack.bot-token=xoxb-test",
            "firebreak.slack.signing-secret=slow-secret",
            "firebreak.pagerduty.webhook-secret=pd-secret"
        })
class SlowClientsTest {

    static final FakeSlack SLACK = new FakeSlack();
    static final int PER_KIND = 12;

    @DynamicPropertySource
    static void slack(DynamicPropertyRegistry registry) {
        registry.add("firebreak.slack.api-url", SLACK::url);
    }

    @AfterAll
    static void stop() throws Exception {
        SLACK.close();
    }

    @LocalServerPort
    int port;

    /** Counted down by every connection once its request head is written. */
    private CountDownLatch headersSent;

    @Test
    void slowBodiesHoldNoThreadAndHealthKeepsAnswering() throws Exception {
        String ts = Long.toString(Instant.now().getEpochSecond());
        List<String> heads = new ArrayList<>();
        for (int i = 0; i < PER_KIND; i++) {
            heads.add(head(
                    "/webhooks/alertmanager", "Authorization: Bearer am-token\r\nContent-Type: application/json\r\n"));
            heads.add(head(
                    "/slack/events",
                    "X-Slack-Request-Timestamp: " + ts + "\r\nX-Slack-Signature: v0=abc\r\n"
                            + "Content-Type: application/x-www-form-urlencoded\r\n"));
            heads.add(
                    head("/webhooks/pagerduty", "X-PagerDuty-Signature: v1=abc\r\nContent-Type: application/json\r\n"));
        }
        headersSent = new CountDownLatch(heads.size() + PER_KIND);
        ExecutorService pool = Executors.newFixedThreadPool(heads.size() + PER_KIND);
        try {
            List<Future<String>> slow = new ArrayList<>();
            for (String head : heads) {
                slow.add(pool.submit(() -> trickle(head)));
            }
            // Unauthenticated requests with a slow body: refused from the headers, before any body byte.
            List<Future<String>> refused = new ArrayList<>();
            for (int i = 0; i < PER_KIND; i++) {
                refused.add(pool.submit(() -> trickle(head(
                        "/webhooks/alertmanager",
                        "Authorization: Bearer wrong\r\nContent-Type: application/json\r\n"))));
            }
            // Every slow connection is open and has sent its headers before health is measured.
            assertThat(headersSent.await(10, TimeUnit.SECONDS)).isTrue();
            HttpTestClient client = HttpTestClient.on(port);
            for (int i = 0; i < 10; i++) {
                long start = System.nanoTime();
                HttpTestClient.Response health = client.get("/actuator/health/liveness");
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertThat(health.status()).isEqualTo(200);
                assertThat(millis)
                        .as("health answered in %d ms with %d slow connections open", millis, heads.size())
                        .isLessThan(1000);
                Thread.sleep(100);
            }
            for (Future<String> f : refused) {
                String answer = f.get(5, TimeUnit.SECONDS);
                assertThat(answer).startsWith("HTTP/1.1 401").contains("\"error\":\"unauthorized\"");
            }
            for (Future<String> f : slow) {
                String answer = f.get(20, TimeUnit.SECONDS);
                assertThat(answer).startsWith("HTTP/1.1 408").contains("\"error\":\"request_timeout\"");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(HttpTestClient.on(port).get("/actuator/prometheus").body())
                .containsPattern(
                        "firebreak_http_refused_total\\{endpoint=\"/webhooks/alertmanager\",reason=\"slow_body\"} ")
                .containsPattern("firebreak_http_refused_total\\{endpoint=\"/slack/events\",reason=\"slow_body\"} ");
    }

    private static String head(String path, String headers) {
        return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\n" + headers + "Content-Length: 100000\r\n\r\n";
    }

    /** Sends the head, then one body byte every 300 ms until the server answers; returns the answer. */
    private String trickle(String head) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(300);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            headersSent.countDown();
            StringBuilder answer = new StringBuilder();
            byte[] buffer = new byte[4096];
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                try {
                    int n = in.read(buffer);
                    if (n < 0) {
                        return answer.toString();
                    }
                    answer.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                    if (answer.indexOf("}") > 0) {
                        return answer.toString();
                    }
                } catch (java.net.SocketTimeoutException e) {
                    try {
                        out.write('x');
                        out.flush();
                    } catch (java.io.IOException closed) {
                        return answer.toString();
                    }
                }
            }
            return answer.toString();
        }
    }
}
