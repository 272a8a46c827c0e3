package dev.firebreak.incident;

import java.time.Instant;
import java.util.UUID;

/**
 * Something shown on the incident's status card changed that has no event of its own
 * (alerts attached or resolved, truncation count, summary). Listeners re-render; it carries no detail.
 */
public record IncidentUpdated(UUID incidentId, String what, Instant at) {}
