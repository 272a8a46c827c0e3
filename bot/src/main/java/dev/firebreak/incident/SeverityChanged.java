package dev.firebreak.incident;

import java.time.Instant;
import java.util.UUID;

public record SeverityChanged(UUID incidentId, Severity from, Severity to, Actor actor, Instant at) {}
