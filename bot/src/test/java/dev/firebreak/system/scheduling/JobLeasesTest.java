package dev.firebreak.system.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.firebreak.support.FirebreakTest;
import dev.firebreak.support.MutableClock;
import dev.firebreak.support.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Two replicas' job leases on one database (H2, or PostgreSQL under -Ppostgres). The application clock here is days
 * away from the database's and moves by hours; a job lease lives in database time only, so neither matters: a live
 * lease is not stolen, an expired one is taken over as soon as it expires, a released one at once.
 */
@FirebreakTest(properties = {"firebreak.outbox.enabled=false"})
@Import(TestClock.class)
class JobLeasesTest {

    static final MutableClock CLOCK = TestClock.startingAt(Instant.parse("2026-11-20T10:00:00Z"));

    @Autowired
    NamedParameterJdbcTemplate named;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aLiveLeaseIsNotStolenWhateverTheClocksSayAndAnExpiredOneIsTakenOver() {
        JobLeases a = new JobLeases(named);
        JobLeases b = new JobLeases(named);
        assertThat(a.claim("skewed-job", Duration.ofSeconds(2))).isTrue();
        CLOCK.advance(Duration.ofHours(3)); // the application clock jumps: leases do not look at it
        assertThat(b.claim("skewed-job", Duration.ofMinutes(1)))
                .as("another replica cannot take a live lease")
                .isFalse();
        assertThat(leaseUntil("skewed-job"))
                .as("the lease ends in database time")
                .isBetween(databaseNow(), databaseNow().plusSeconds(2));
        assertThat(a.claim("skewed-job", Duration.ofSeconds(2)))
                .as("the holder renews")
                .isTrue();

        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> b.claim("skewed-job", Duration.ofMinutes(1)));
        assertThat(a.claim("skewed-job", Duration.ofMinutes(1)))
                .as("the old holder lost it")
                .isFalse();
        assertThat(jdbc.queryForObject("SELECT lease_owner FROM job_lease WHERE job = 'skewed-job'", String.class))
                .isEqualTo(b.owner());

        b.releaseAll();
        assertThat(a.claimEvery("skewed-job", Duration.ofSeconds(20)))
                .as("a released job moves at once")
                .isTrue();
        assertThat(leaseUntil("skewed-job")).isAfter(databaseNow().plusSeconds(50));
    }

    private Instant leaseUntil(String job) {
        return jdbc.queryForObject("SELECT lease_until FROM job_lease WHERE job = ?", OffsetDateTime.class, job)
                .toInstant();
    }

    private Instant databaseNow() {
        return jdbc.queryForObject("SELECT CURRENT_TIMESTAMP", OffsetDateTime.class)
                .toInstant();
    }
}
