package dev.firebreak.support;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Another replica's lease on a scheduled job, written into {@code job_lease} in database time (the table and clock
 * every replica claims jobs through): held, expired, or released as that replica's graceful shutdown leaves it.
 */
public final class OtherReplicaJobLease {

    public static final String OWNER = "other-replica";

    private final JdbcTemplate jdbc;
    private final String job;

    private OtherReplicaJobLease(JdbcTemplate jdbc, String job) {
        this.jdbc = jdbc;
        this.job = job;
    }

    public static OtherReplicaJobLease on(JdbcTemplate jdbc, String job) {
        return new OtherReplicaJobLease(jdbc, job);
    }

    /** The other replica holds the job for another minute (whoever held it before). */
    public void hold() {
        if (jdbc.update(
                        "UPDATE job_lease SET lease_owner = ?, lease_until = CURRENT_TIMESTAMP + INTERVAL '60' SECOND"
                                + " WHERE job = ?",
                        OWNER,
                        job)
                == 0) {
            jdbc.update(
                    "INSERT INTO job_lease (job, lease_owner, lease_until)"
                            + " VALUES (?, ?, CURRENT_TIMESTAMP + INTERVAL '60' SECOND)",
                    job,
                    OWNER);
        }
    }

    /** The other replica's lease ran out a second ago (it died). */
    public void expire() {
        jdbc.update(
                "UPDATE job_lease SET lease_until = CURRENT_TIMESTAMP - INTERVAL '1' SECOND"
                        + " WHERE job = ? AND lease_owner = ?",
                job,
                OWNER);
    }

    /** The other replica gave the job up (it shut down gracefully). */
    public void release() {
        jdbc.update("UPDATE job_lease SET lease_until = NULL WHERE job = ? AND lease_owner = ?", job, OWNER);
    }

    /** Who holds or last held the job. */
    public String owner() {
        return jdbc.queryForObject("SELECT lease_owner FROM job_lease WHERE job = ?", String.class, job);
    }
}
