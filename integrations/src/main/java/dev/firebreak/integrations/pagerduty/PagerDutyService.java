package dev.firebreak.integrations.pagerduty;

/** A service from {@code GET /services}. */
public record PagerDutyService(String id, String name, String status, String htmlUrl) {}
