package dev.firebreak.system.scheduling;

import dev.firebreak.system.DatabaseTime;
import dev.firebreak.system.LeaseOwners;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs a scheduled job on one replica at a time, through PostgreSQL: each job has a row in {@code job_lease}; a
 * replica may run the job while it holds an unexpired lease on that row, claimed and renewed with one conditional
 * {@code UPDATE} (no in-process state, no leader election). Leases are written and compared in {@link DatabaseTime},
 * so replicas whose clocks disagree still agree on who holds a job. The holder renews on every run, so it keeps the
 * job (the lease must outlast the interval between runs); when it dies, another replica claims the job once the lease
 * has expired. On a graceful shutdown every job this replica holds is released, so another replica runs it on its next
 * tick.
 */
@Component
public class JobLeases {

    private static final Logger log = LoggerFactory.getLogger(JobLeases.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final String owner;

    JobLeases(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.owner = LeaseOwners.newOwner();
    }

    /** This replica's owner id in {@code job_lease.lease_owner}. */
    public String owner() {
        return owner;
    }

    /**
     * Claims or renews the lease on {@code job} for {@code lease} (database time); true if this replica holds it now
     * and may run the job. False while another replica's lease is unexpired.
     */
    public boolean claim(String job, Duration lease) {
        var params = DatabaseTime.lease(
                new MapSqlParameterSource().addValue("job", job).addValue("owner", owner), lease);
        if (jdbc.update(
                        "UPDATE job_lease SET lease_owner = :owner, lease_until = " + DatabaseTime.LEASE_END
                                + " WHERE job = :job AND (lease_owner = :owner OR lease_until IS NULL OR lease_until <= "
                                + DatabaseTime.NOW + ")",
                        params)
                == 1) {
            return true;
        }
        return jdbc.update(
                        "INSERT INTO job_lease (job, lease_owner, lease_until) VALUES (:job, :owner, "
                                + DatabaseTime.LEASE_END + ") ON CONFLICT DO NOTHING",
                        params)
                == 1;
    }

    /**
     * {@link #claim} for a job that runs every {@code interval}: the lease lasts three intervals, so a holder whose run
     * is late keeps the job, and a dead holder's job moves within three intervals.
     */
    public boolean claimEvery(String job, Duration interval) {
        return claim(job, interval.multipliedBy(3));
    }

    /** Gives the lease up, so another replica runs the job on its next tick. */
    public void release(String job) {
        jdbc.update(
                "UPDATE job_lease SET lease_until = NULL WHERE job = :job AND lease_owner = :owner",
                new MapSqlParameterSource().addValue("job", job).addValue("owner", owner));
    }

    /** Graceful shutdown: hands every job this replica holds to the others at once (else they wait for the lease). */
    @PreDestroy
    void releaseAll() {
        try {
            jdbc.update(
                    "UPDATE job_lease SET lease_until = NULL WHERE lease_owner = :owner",
                    new MapSqlParameterSource("owner", owner));
        } catch (RuntimeException e) {
            log.debug("Job leases not released (they expire on their own): {}", e.toString());
        }
    }
}
