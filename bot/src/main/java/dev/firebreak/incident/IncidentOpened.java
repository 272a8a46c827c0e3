package dev.firebreak.incident;

import java.time.Instant;
import java.util.UUID;

/** Published inside the transaction that opened the incident. */
public record IncidentOpened(
        UUID incidentId,
        long number,
        String title,
        Severity severity,
        IncidentSource source,
        Actor actor,
        Instant at) {}
