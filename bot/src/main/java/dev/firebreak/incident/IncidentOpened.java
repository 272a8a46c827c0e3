package dev.firebreak.incident;

import java.time.Instant;
import java.util.UUID;

/** Published inside the transaction that opened the incident; {@code drill}: a drill incident (issue 14). */
public record IncidentOpened(
        UUID incidentId,
        long number,
        String title,
        Severity severity,
        IncidentSource source,
        Actor actor,
        Instant at,
        boolean drill) {}
