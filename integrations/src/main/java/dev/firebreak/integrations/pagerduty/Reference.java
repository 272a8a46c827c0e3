package dev.firebreak.integrations.pagerduty;

/** A PagerDuty object reference: {@code id} and {@code summary} (display name). */
public record Reference(String id, String summary) {}
