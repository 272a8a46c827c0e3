package dev.firebreak.integrations.pagerduty;

/** An incident as answered by {@code POST/PUT/GET /incidents}. */
public record PagerDutyIncident(
        String id, Long number, String title, String status, String urgency, String htmlUrl, String incidentKey) {}
