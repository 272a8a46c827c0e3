package dev.firebreak.integrations.pagerduty;

import java.time.Instant;

/** A note added with {@code POST /incidents/{id}/notes}. */
public record PagerDutyNote(String id, String content, Instant createdAt) {}
