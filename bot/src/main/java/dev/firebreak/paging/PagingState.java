package dev.firebreak.paging;

import java.time.Instant;
import java.util.UUID;

/** What Firebreak knows about the automatic page of one incident (table {@code paging_state}). */
record PagingState(
        UUID incidentId,
        String dedupKey,
        String routeName,
        String escalationPolicy,
        Instant requestedAt,
        Instant triggeredAt,
        String pdIncidentId,
        String pdIncidentUrl) {

    boolean triggered() {
        return triggeredAt != null;
    }

    static String dedupKeyOf(UUID incidentId) {
        return "firebreak-" + incidentId;
    }
}
