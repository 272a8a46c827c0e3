package dev.firebreak.integrations.pagerduty;

/** A user from {@code GET /users/{id}}. */
public record PagerDutyUser(String id, String name, String email, String htmlUrl) {}
