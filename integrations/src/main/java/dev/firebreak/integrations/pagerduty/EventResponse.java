package dev.firebreak.integrations.pagerduty;

/** Answer of {@code POST /v2/enqueue}: {@code status} ("success"), {@code message}, {@code dedup_key}. */
public record EventResponse(String status, String message, String dedupKey) {}
