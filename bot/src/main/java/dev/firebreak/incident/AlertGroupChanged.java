package dev.firebreak.incident;

import java.time.Instant;
import java.util.UUID;

/**
 * An alert group joined a storm incident, resolved, fired again, or was split out into its own incident
 * ({@code splitTo}, with its number). Published by {@link IncidentManagement} in the transaction of the change.
 */
public record AlertGroupChanged(
        UUID incidentId,
        long incidentNumber,
        long groupId,
        int ordinal,
        String groupTitle,
        Change change,
        UUID splitTo,
        Long splitToNumber,
        Actor actor,
        Instant at) {

    public enum Change {
        JOINED,
        RESOLVED,
        REFIRED,
        SPLIT
    }
}
