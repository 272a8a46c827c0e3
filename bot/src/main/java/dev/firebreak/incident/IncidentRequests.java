package dev.firebreak.incident;

/** Request bodies of the incident API. Enum-like fields are strings so that bad values get our own 400 message. */
final class IncidentRequests {

    private IncidentRequests() {}

    /** {@code POST /api/incidents}. */
    record Declare(String title, String summary, String severity) {}

    /** {@code POST /api/incidents/{id}/status}. */
    record ChangeStatus(String status, String reason) {}

    /** {@code POST /api/incidents/{id}/severity}. */
    record ChangeSeverity(String severity) {}

    /** {@code PATCH /api/incidents/{id}}: any of the fields; all given changes apply together or not at all. */
    record Patch(String status, String reason, String severity) {}
}
