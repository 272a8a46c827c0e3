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

    /** A change of group {@code g} of {@code storm}; {@code split} is the incident it was split out into, or null. */
    static AlertGroupChanged of(
            Incident storm, IncidentGroup g, Change change, Incident split, Actor actor, Instant at) {
        return new AlertGroupChanged(
                storm.getId(),
                storm.getNumber(),
                g.getId(),
                g.getOrdinal(),
                g.getTitle(),
                change,
                split == null ? null : split.getId(),
                split == null ? null : split.getNumber(),
                actor,
                at);
    }

    public enum Change {
        JOINED,
        RESOLVED,
        REFIRED,
        SPLIT
    }
}
