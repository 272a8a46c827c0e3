package dev.firebreak.system.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.firebreak.support.FirebreakTest;
import dev.firebreak.support.HttpTestClient;
import java.time.Duration;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Health probes and metrics answer without the API token. Readiness includes the database: when no new
 * connection can be opened (simulated by evicting the pooled connections and switching the pool to a login
 * the database refuses, so every connection request times out as with an unreachable database) readiness is
 * DOWN/503 while liveness stays UP, and it recovers once connections work again.
 */
@FirebreakTest(
        properties = {
            "firebreak.api.token=test-token",
            "firebreak.outbox.enabled=false",
            "spring.datasource.hikari.connection-timeout=250"
        })
class ActuatorEndpointsTest {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Test
    void healthLivenessAndReadinessAreUp() {
        HttpTestClient http = HttpTestClient.on(port);
        for (String path :
                new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            HttpTestClient.Response r = http.get(path);
            assertThat(r.status()).as(path).isEqualTo(200);
            assertThat(r.json().path("status").asString()).as(path).isEqualTo("UP");
        }
    }

    @Test
    void prometheusScrapeAnswersWithMetrics() {
        HttpTestClient.Response r = HttpTestClient.on(port).get("/actuator/prometheus");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/plain");
        assertThat(r.body())
                .contains("jvm_memory_used_bytes")
                .contains("hikaricp_connections")
                .contains("http_server_requests_seconds");
    }

    @Test
    void readinessGoesDownWhenTheDatabaseIsUnreachableAndLivenessDoesNot() throws Exception {
        HttpTestClient http = HttpTestClient.on(port);
        HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
        String username = hikari.getUsername();
        hikari.getHikariConfigMXBean().setUsername("firebreak_no_such_user");
        hikari.getHikariPoolMXBean().softEvictConnections();
        try {
            HttpTestClient.Response ready = http.get("/actuator/health/readiness");
            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.json().path("status").asString()).isEqualTo("DOWN");
            assertThat(http.get("/actuator/health/liveness").status()).isEqualTo(200);
            assertThat(http.get("/actuator/health").status()).isEqualTo(503);
            HttpTestClient.Response api = http.bearer("test-token").get("/api/incidents");
            assertThat(api.status()).as("the API answers 503 so callers retry").isEqualTo(503);
            assertThat(api.json().path("error").asString()).isEqualTo("unavailable");
        } finally {
            hikari.getHikariConfigMXBean().setUsername(username);
        }
        Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(
                        () -> assertThat(http.get("/actuator/health/readiness").status())
                                .isEqualTo(200));
    }
}
