package dev.firebreak.timeline;

import dev.firebreak.incident.Actor;
import java.time.Instant;
import java.util.UUID;

/** A person added a note to an incident's timeline (Slack {@code /incident note}, the API, PagerDuty). */
public record NoteAdded(UUID incidentId, long entryId, String text, Actor actor, Instant occurredAt) {}
