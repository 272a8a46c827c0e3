package dev.firebreak.system.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.FirebreakApplication;
import dev.firebreak.support.TestDatabase;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * SIGTERM (context close, as the JVM's shutdown hook does it) releases every job lease the replica holds, so another
 * replica claims its jobs at once instead of waiting minutes for the leases to expire.
 */
class JobLeasesShutdownTest {

    @Test
    void aGracefulShutdownHandsEveryJobThisReplicaHoldsToTheOthersAtOnce() {
        Map<String, String> props = new HashMap<>(TestDatabase.properties());
        props.put("server.port", "0");
        props.put("firebreak.outbox.enabled", "false");
        props.put("spring.main.banner-mode", "off");
        String[] args = props.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext replica = new SpringApplicationBuilder(FirebreakApplication.class).run(args);
        // The other replica's own connection (it also keeps an in-memory H2 database alive after the replica's pool).
        try (SingleConnectionDataSource database = new SingleConnectionDataSource(
                props.get("spring.datasource.url"), props.get("spring.datasource.username"), "", true)) {
            JdbcTemplate jdbc = new JdbcTemplate(database);
            JobLeases other = new JobLeases(new NamedParameterJdbcTemplate(database));
            String owner;
            try {
                JobLeases leases = replica.getBean(JobLeases.class);
                owner = leases.owner();
                assertThat(leases.claimEvery("job-a", Duration.ofMinutes(5))).isTrue();
                assertThat(leases.claimEvery("job-b", Duration.ofHours(1))).isTrue();
                assertThat(other.claimEvery("job-a", Duration.ofMinutes(5)))
                        .as("the replica's lease is live")
                        .isFalse();
            } finally {
                replica.close();
            }

            assertThat(jdbc.queryForObject(
                            "SELECT COUNT(*) FROM job_lease WHERE lease_owner = ? AND lease_until IS NOT NULL",
                            Integer.class,
                            owner))
                    .as("no job lease of the stopped replica is left live")
                    .isZero();
            assertThat(other.claimEvery("job-a", Duration.ofMinutes(5)))
                    .as("another replica claims the job at once")
                    .isTrue();
            assertThat(other.claimEvery("job-b", Duration.ofHours(1))).isTrue();
            assertThat(jdbc.queryForList(
                            "SELECT DISTINCT lease_owner FROM job_lease WHERE job IN ('job-a', 'job-b')", String.class))
                    .containsExactly(other.owner());
        }
    }
}
