package dev.firebreak.timeline;

import java.time.Instant;

/**
 * Body of {@code POST /api/incidents/{id}/timeline}. {@code kind} defaults to {@code note} ({@code correction}
 * when {@code supersedes} is set); {@code occurredAt} defaults to now.
 */
public record TimelineEntryRequest(
        String text, Instant occurredAt, String kind, String link, Long supersedes, Boolean keyEvent) {}
