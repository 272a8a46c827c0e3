package dev.firebreak.incident;

import java.time.Instant;
import java.util.UUID;

/** Published, after {@link IncidentStatusChanged}, when an incident reaches RESOLVED. */
public record IncidentResolved(UUID incidentId, Actor actor, String summary, Instant at) {}
