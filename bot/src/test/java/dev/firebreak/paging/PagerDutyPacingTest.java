package dev.firebreak.paging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.integrations.pagerduty.FakePagerDuty;
import dev.firebreak.integrations.pagerduty.PagerDutyException;
import dev.firebreak.support.MutableClock;
import dev.firebreak.support.TestClock;
import dev.firebreak.support.TestDatabase;
import dev.firebreak.system.outbox.OutboxResult;
import dev.firebreak.system.pacing.Priority;
import dev.firebreak.system.pacing.RateBudgets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * PagerDuty's Events v2 limit (120 per minute per routing key) as a shared budget: triggers get the last slots
 * before acknowledgements and resolves, a 429 holds the routing key for every replica, and the routing key (a
 * secret) is stored only as a digest.
 *
 * <p>A JDBC slice: {@link PagerDutyPacing}, its settings and the shared {@link RateBudgets} on a database of its own,
 * with Micrometer's in-memory registry; no web server, outbox or PagerDuty client. Not in a test transaction: each
 * slot taken commits, as in production.
 */
@JdbcTest(
        properties = "firebreak.pagerduty.pacing.enabled=true",
        includeFilters =
                @ComponentScan.Filter(
                        type = FilterType.REGEX,
                        pattern = {
                            "dev\\.firebreak\\.paging\\.PagerDutyPacing(Settings)?",
                            "dev\\.firebreak\\.system\\.pacing\\.RateBudgets"
                        }))
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ContextConfiguration(initializers = TestDatabase.class)
@ImportAutoConfiguration({MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class})
@Import(TestClock.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class PagerDutyPacingTest {

    static final MutableClock CLOCK = TestClock.startingAt(Instant.parse("2026-12-01T08:00:00Z"));

    @Autowired
    PagerDutyPacing pacing;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void triggersKeepSlotsThatAcknowledgementsMayNotTakeAndA429HoldsTheRoutingKey() {
        String key = FakePagerDuty.ROUTING_KEY;
        int normal = 0;
        while (pacing.event(key, "resolve", Priority.NORMAL).isEmpty()) {
            normal++;
        }
        assertThat(normal).as("resolves use the burst of 10 but leave 4 slots").isEqualTo(6);
        int high = 0;
        while (pacing.event(key, "trigger", Priority.HIGH).isEmpty()) {
            high++;
        }
        assertThat(high).as("the slots left go to triggers").isEqualTo(4);
        assertThat(pacing.event(key, "trigger", Priority.HIGH))
                .hasValueSatisfying(r -> assertThat(r)
                        .isInstanceOfSatisfying(
                                OutboxResult.Retry.class,
                                retry -> assertThat(retry.paced()).isTrue()));

        CLOCK.advance(Duration.ofMinutes(5));
        pacing.eventFailed(key, new PagerDutyException(429, null, "throttled", true, Duration.ofSeconds(40)));
        assertThat(pacing.event(key, "trigger", Priority.HIGH))
                .hasValueSatisfying(r -> assertThat(r)
                        .isInstanceOfSatisfying(
                                OutboxResult.Retry.class,
                                retry -> assertThat(retry.at())
                                        .isEqualTo(CLOCK.instant().plusSeconds(40))));
        CLOCK.advance(Duration.ofSeconds(40));
        assertThat(pacing.event(key, "trigger", Priority.HIGH)).isEmpty();

        List<String> keys = jdbc.queryForList("SELECT budget_key FROM rate_budget", String.class);
        assertThat(keys).anyMatch(k -> k.startsWith("pagerduty:events:")).noneMatch(k -> k.contains(key));
    }
}
