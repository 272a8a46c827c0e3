package dev.firebreak.incident;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Alert totals per incident, for the incident views. Implemented by the alerting module, so that this
 * package does not depend on it (alerting depends on incident, not the other way round).
 */
public interface AlertTotals {

    /** Total and firing alerts of one incident. */
    record Counts(long total, long firing) {
        public static final Counts NONE = new Counts(0, 0);
    }

    /** Counts for many incidents in one query (no N+1 on list endpoints); incidents without alerts are absent. */
    Map<UUID, Counts> of(Collection<UUID> incidentIds);

    default Counts of(UUID incidentId) {
        return of(java.util.List.of(incidentId)).getOrDefault(incidentId, Counts.NONE);
    }
}
