package dev.firebreak.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.support.FirebreakTest;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The off switch: with the breaker off, every alert group opens its own incident, however many arrive. */
@FirebreakTest(
        properties = {
            "firebreak.alertmanager.bearer-token=am-token",
            "firebreak.storm.enabled=false",
            "firebreak.storm.threshold=1"
        })
class StormBreakerOffTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyGroupOpensItsOwnIncident() {
        WebhookClient client = new WebhookClient(port);
        Instant start = Instant.now().minusSeconds(30);
        for (int i = 0; i < 6; i++) {
            var answer = client.post(StormNotifications.firing("OffGroup" + i, "warning", Map.of(), 1, start));
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.json().get("outcome").stringValue()).isEqualTo("OPENED");
        }
        assertThat(jdbc.queryForObject("select count(*) from incident_group", Integer.class))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from storm_breaker where storm_incident_id is not null", Integer.class))
                .isZero();
    }
}
