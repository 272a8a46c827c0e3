package dev.firebreak.incident;

import java.time.Instant;
import java.util.UUID;

/** Published for every lifecycle transition (acknowledge, mitigate, resolve, re-open). */
public record IncidentStatusChanged(
        UUID incidentId, IncidentStatus from, IncidentStatus to, Actor actor, String reason, Instant at) {}
