package dev.firebreak.system.outbox;

import java.time.Instant;
import java.util.UUID;

/** A task failed permanently; the timeline records a visible warning on the incident. */
public record OutboxTaskFailed(long taskId, String kind, UUID incidentId, String reason, Instant at) {}
