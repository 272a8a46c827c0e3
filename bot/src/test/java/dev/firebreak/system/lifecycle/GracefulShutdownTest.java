package dev.firebreak.system.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.FirebreakApplication;
import dev.firebreak.support.HttpTestClient;
import dev.firebreak.support.TestDatabase;
import dev.firebreak.system.outbox.Outbox;
import dev.firebreak.system.outbox.OutboxHandler;
import dev.firebreak.system.outbox.OutboxResult;
import dev.firebreak.system.outbox.OutboxTask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SIGTERM order (context close, as the JVM's shutdown hook does it): readiness goes 503 first; webhooks keep
 * working for the drain delay and only then answer 503 (JSON, Retry-After); the outbox worker stops claiming,
 * lets its running task finish and gives a claimed-but-unstarted task back (no lease held, attempt not counted).
 */
class GracefulShutdownTest {

    static final CountDownLatch STARTED = new CountDownLatch(1);
    static final CountDownLatch RELEASE = new CountDownLatch(1);
    static final List<String> RAN = new CopyOnWriteArrayList<>();

    @Configuration
    static class BlockingHandler {
        @Bean
        OutboxHandler blockingTestHandler() {
            return new OutboxHandler() {
                @Override
                public String kind() {
                    return "test.blocking";
                }

                @Override
                public OutboxResult handle(OutboxTask task) {
                    RAN.add(task.getQueueKey());
                    STARTED.countDown();
                    try {
                        RELEASE.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return OutboxResult.done();
                }
            };
        }
    }

    record Sample(int readiness, int webhook, String body, String retryAfter) {}

    @Test
    void notReadyFirstThenWebhooks503ThenOutboxFinishesOrReleases() throws Exception {
        Map<String, Object> props = new HashMap<>(TestDatabase.properties());
        if (!TestDatabase.postgres()) {
            // A file database outlives the application (an in-memory one is gone with its last pooled connection).
            Path dir = Files.createTempDirectory("firebreak-shutdown");
            props.put(
                    "spring.datasource.url",
                    "jdbc:h2:file:" + dir.resolve("db")
                            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        }
        props.put("server.port", "0");
        props.put("firebreak.outbox.enabled", "true");
        props.put("firebreak.outbox.concurrency", "1");
        props.put("firebreak.outbox.poll-interval", "50ms");
        props.put("firebreak.shutdown.drain-delay", "1500ms");
        props.put("firebreak.alertmanager.bearer-token", "am-token");
        props.put("spring.main.banner-mode", "off");
        // As command-line arguments: they override application.yml (builder "properties" would not).
        String[] args = props.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context =
                new SpringApplicationBuilder(FirebreakApplication.class, BlockingHandler.class).run(args);
        String url = (String) props.get("spring.datasource.url");
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        HttpTestClient http = HttpTestClient.on(port);
        Thread closer = new Thread(context::close, "sigterm");
        try {
            Outbox outbox = context.getBean(Outbox.class);
            context.getBean(TransactionTemplate.class).executeWithoutResult(s -> {
                outbox.enqueue("test.blocking", "q-running", null, null, "\"running\"");
                outbox.enqueue("test.blocking", "q-waiting", null, null, "\"waiting\"");
            });
            assertThat(STARTED.await(30, TimeUnit.SECONDS))
                    .as("the first task runs")
                    .isTrue();
            assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);
            assertThat(webhook(http).status())
                    .as("wrong token, not shutting down")
                    .isEqualTo(401);

            closer.start();
            List<Sample> samples = new ArrayList<>();
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        int ready = http.get("/actuator/health/readiness").status();
                        HttpTestClient.Response w = webhook(http);
                        samples.add(new Sample(ready, w.status(), w.body(), w.header("Retry-After")));
                        return w.status() == 503;
                    });
            int firstNotReady = indexOf(samples, s -> s.readiness() == 503);
            int first503 = indexOf(samples, s -> s.webhook() == 503);
            assertThat(firstNotReady).as("readiness went down: %s", samples).isGreaterThanOrEqualTo(0);
            assertThat(firstNotReady)
                    .as("not ready before any webhook 503: %s", samples)
                    .isLessThan(first503);
            assertThat(samples.subList(firstNotReady, first503))
                    .as("during the drain delay webhooks still work")
                    .allMatch(s -> s.webhook() == 401);
            Sample refused = samples.get(first503);
            assertThat(refused.body()).contains("\"error\":\"shutting_down\"");
            assertThat(refused.retryAfter()).isEqualTo("5");
        } finally {
            RELEASE.countDown();
            if (closer.isAlive() || closer.getState() != Thread.State.NEW) {
                closer.join(60_000);
            } else {
                context.close();
            }
        }
        assertThat(RAN)
                .as("one task was running; the other was claimed but not started")
                .hasSize(1);
        String ran = RAN.get(0);
        try (Connection c = DriverManager.getConnection(url, TestDatabase.postgres() ? "postgres" : "sa", "");
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT queue_key, status, lease_owner, attempts"
                                + " FROM outbox_task WHERE kind = 'test.blocking' ORDER BY id")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getInt(4));
            }
            String other = ran.equals("q-running") ? "q-waiting" : "q-running";
            assertThat(rows)
                    .as("the running task finished; the unstarted one was given back, no lease, no attempt")
                    .containsExactlyInAnyOrder(ran + " DONE null 1", other + " PENDING null 0");
        }
    }

    private static HttpTestClient.Response webhook(HttpTestClient http) {
        return http.authorization("Bearer wrong").post("/webhooks/alertmanager", "{}");
    }

    private static int indexOf(List<Sample> samples, java.util.function.Predicate<Sample> p) {
        for (int i = 0; i < samples.size(); i++) {
            if (p.test(samples.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
