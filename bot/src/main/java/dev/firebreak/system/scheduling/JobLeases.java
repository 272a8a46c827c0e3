package dev.firebreak.system.scheduling;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs a scheduled job on one replica at a time, through PostgreSQL: each job has a row in {@code job_lease}; a
 * replica may run the job while it holds an unexpired lease on that row, claimed and renewed with one conditional
 * {@code UPDATE} (no in-process state, no leader election). The holder renews on every run, so it keeps the job;
 * when it dies, another replica claims the job once the lease has expired. {@link #release} hands it over at once
 * on a graceful shutdown.
 */
@Component
public class JobLeases {

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final String owner;

    JobLeases(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.owner = hostName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** This replica's owner id in {@code job_lease.lease_owner}. */
    public String owner() {
        return owner;
    }

    /**
     * Claims or renews the lease on {@code job} for {@code lease}; true if this replica holds it now and may run the
     * job. False while another replica's lease is unexpired.
     */
    public boolean claim(String job, Duration lease) {
        Instant now = clock.instant();
        var params = new MapSqlParameterSource()
                .addValue("job", job)
                .addValue("owner", owner)
                .addValue("now", ts(now))
                .addValue("until", ts(now.plus(lease)));
        if (jdbc.update("""
                UPDATE job_lease SET lease_owner = :owner, lease_until = :until
                WHERE job = :job AND (lease_owner = :owner OR lease_until IS NULL OR lease_until <= :now)
                """, params) == 1) {
            return true;
        }
        return jdbc.update("""
                INSERT INTO job_lease (job, lease_owner, lease_until) VALUES (:job, :owner, :until)
                ON CONFLICT DO NOTHING
                """, params) == 1;
    }

    /** Gives the lease up (graceful shutdown), so another replica runs the job on its next tick. */
    public void release(String job) {
        jdbc.update(
                "UPDATE job_lease SET lease_until = NULL WHERE job = :job AND lease_owner = :owner",
                new MapSqlParameterSource().addValue("job", job).addValue("owner", owner));
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String hostName() {
        String host = System.getenv("HOSTNAME");
        if (host != null && !host.isBlank()) {
            return host;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "firebreak";
        }
    }
}
