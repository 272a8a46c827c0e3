package dev.firebreak.system;

import java.time.Duration;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The one clock every lease is written and compared in: the database's. Replicas' clocks drift (a paused VM, an NTP
 * step); a lease in database time means the same instant to every replica, so a replica whose clock runs minutes
 * ahead cannot take over a live lease, and one whose clock lags does not wait minutes to take over an expired one.
 * Due times ({@code not_before}, {@code next_at}, retry backoff) stay on the injected application {@code Clock}.
 *
 * <p>SQL fragments for named-parameter statements, the same on H2 (PostgreSQL mode) and PostgreSQL. The database's
 * {@code CURRENT_TIMESTAMP} is the start of the current transaction, so lease statements run in short transactions.
 */
public final class DatabaseTime {

    /** The database's now. */
    public static final String NOW = "CURRENT_TIMESTAMP";

    /** The database's now plus the lease bound with {@link #lease}. */
    public static final String LEASE_END =
            "(CURRENT_TIMESTAMP + CAST(:leaseMillis AS BIGINT) * INTERVAL '0.001' SECOND)";

    private DatabaseTime() {}

    /** Binds the length of the lease that {@link #LEASE_END} adds to the database's now. */
    public static MapSqlParameterSource lease(MapSqlParameterSource params, Duration lease) {
        return params.addValue("leaseMillis", Math.max(0, lease.toMillis()));
    }
}
