package dev.firebreak.incident;

import java.time.Instant;
import java.util.Map;

/**
 * One alert group of a storm incident in the API ({@code GET /api/incidents/{ref}/groups}). {@code splitTo} is the
 * reference of the incident it was split out into, when it was.
 */
public record AlertGroupView(
        int number,
        String groupKey,
        String title,
        Severity severity,
        String state,
        int firingAlerts,
        int totalAlerts,
        Map<String, String> labels,
        String receiver,
        Instant joinedAt,
        Instant resolvedAt,
        Instant splitAt,
        String splitTo) {

    static AlertGroupView of(IncidentGroup g, String splitTo) {
        return new AlertGroupView(
                g.getOrdinal(),
                g.getGroupKey(),
                g.getTitle(),
                g.getSeverity(),
                g.getState().name(),
                g.getFiringAlerts(),
                g.getTotalAlerts(),
                g.getLabels(),
                g.getReceiver(),
                g.getJoinedAt(),
                g.getResolvedAt(),
                g.getSplitAt(),
                splitTo);
    }
}
