package dev.firebreak.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.support.FirebreakTest;
import dev.firebreak.support.HttpTestClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 9, defect 6: simultaneous HA deliveries consumed incident numbers (INC-101, 103, 106, 107, 109 for five
 * groups, a sequence hands out a number to every attempt). Five groups, each delivered by four senders at
 * once, must get five consecutive numbers. Reproduces on PostgreSQL (-Ppostgres).
 */
@FirebreakTest(
        properties = {
            "firebreak.alertmanager.bearer-token=am-token",
            "firebreak.api.token=test-token",
            "firebreak.outbox.enabled=false",
            "spring.datasource.hikari.connection-timeout=30000"
        })
class IncidentNumbersTest {

    static final int GROUPS = 5;
    static final int SENDERS = 4;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void duplicateDeliveriesDoNotConsumeNumbers() throws Exception {
        String fixture = NulAndImpossibleTimesTest.fixture();
        HttpTestClient webhook = HttpTestClient.on(port).bearer("am-token");
        ExecutorService pool = Executors.newFixedThreadPool(GROUPS * SENDERS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpTestClient.Response>> answers = new ArrayList<>();
            for (int g = 0; g < GROUPS; g++) {
                String body = fixture.replace("\"groupKey\": \"", "\"groupKey\": \"numbers-" + g + "/");
                for (int s = 0; s < SENDERS; s++) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return webhook.send("/webhooks/alertmanager", "POST", "application/json", body);
                    }));
                }
            }
            start.countDown();
            for (Future<HttpTestClient.Response> f : answers) {
                HttpTestClient.Response r = f.get();
                assertThat(r.status()).as(r.body()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        // A declared incident afterwards takes the next number too.
        HttpTestClient.on(port)
                .bearer("test-token")
                .post("/api/incidents", "{\"title\":\"After\",\"severity\":\"SEV4\"}");

        List<Long> numbers = jdbc.queryForList("SELECT number FROM incident ORDER BY number", Long.class);
        assertThat(numbers).hasSize(GROUPS + 1);
        long first = numbers.get(0);
        assertThat(numbers)
                .containsExactlyElementsOf(
                        LongStream.range(first, first + GROUPS + 1).boxed().toList());
    }
}
