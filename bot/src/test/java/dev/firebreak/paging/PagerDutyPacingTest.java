package dev.firebreak.paging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.integrations.pagerduty.FakePagerDuty;
import dev.firebreak.integrations.pagerduty.PagerDutyException;
import dev.firebreak.support.FirebreakTest;
import dev.firebreak.support.MutableClock;
import dev.firebreak.support.TestClock;
import dev.firebreak.system.outbox.OutboxResult;
import dev.firebreak.system.pacing.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * PagerDuty's Events v2 limit (120 per minute per routing key) as a shared budget: triggers get the last slots
 * before acknowledgements and resolves, a 429 holds the routing key for every replica, and the routing key (a
 * secret) is stored only as a digest.
 */
@FirebreakTest(properties = {"firebreak.outbox.enabled=false", "firebreak.pagerduty.pacing.enabled=true"})
@Import(TestClock.class)
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
