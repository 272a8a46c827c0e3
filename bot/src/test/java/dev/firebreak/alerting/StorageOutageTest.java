package dev.firebreak.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.firebreak.alerting.WebhookClient.Answer;
import dev.firebreak.support.FirebreakTest;
import java.time.Duration;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A database outage must answer 503 (the only answer Alertmanager retries), and the same notification must
 * be accepted once the database is back. The outage is real at the JDBC level: the pool's connections are
 * evicted and new ones are refused (an unknown database user), on H2 and on PostgreSQL alike.
 */
@FirebreakTest(
        properties = {
            "firebreak.alertmanager.bearer-token=am-token",
            "firebreak.api.token=test-token",
            "spring.datasource.hikari.connection-timeout=1000",
            "spring.datasource.hikari.minimum-idle=0",
            "firebreak.outbox.enabled=false"
        })
class StorageOutageTest {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void databaseOutageAnswers503AndRecoveryAccepts() {
        WebhookClient client = new WebhookClient(port);
        String body = IntakeQueries.withGroupKey("firing-two-pods.json", "outage");
        HikariDataSource hikari = (HikariDataSource) dataSource;
        String user = hikari.getUsername();
        try {
            hikari.getHikariConfigMXBean().setUsername("firebreak_no_such_user");
            hikari.getHikariPoolMXBean().softEvictConnections();

            Answer down = client.post(body);
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.json().get("error").stringValue()).isEqualTo("unavailable");
            assertThat(down.body()).doesNotContain("Exception");
        } finally {
            hikari.getHikariConfigMXBean().setUsername(user);
        }
        // Alertmanager retries 5xx with backoff; the pool needs a moment to open connections again.
        Answer up = Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> client.post(body), a -> a.status() != 503);
        assertThat(up.status()).isEqualTo(200);
        assertThat(up.json().get("outcome").stringValue()).isEqualTo("OPENED");
        assertThat(new IntakeQueries(jdbc).incidentsOf(IntakeQueries.groupKey(body)))
                .hasSize(1);
        assertThat(client.get("/actuator/prometheus").body())
                .containsPattern(
                        "firebreak_webhooks_rejected_total\\{reason=\"unavailable\",source=\"alertmanager\"} [1-9]");
    }
}
