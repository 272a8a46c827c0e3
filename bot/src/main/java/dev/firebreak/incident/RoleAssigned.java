package dev.firebreak.incident;

import java.time.Instant;
import java.util.UUID;

/** {@code assignee} is a reference such as {@code slack:U123} or a plain name. */
public record RoleAssigned(
        UUID incidentId, IncidentRole role, String assignee, String previous, Actor actor, Instant at) {}
