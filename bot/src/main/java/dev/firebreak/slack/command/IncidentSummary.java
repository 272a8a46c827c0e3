package dev.firebreak.slack.command;

import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentRole;
import dev.firebreak.incident.IncidentStatus;
import dev.firebreak.incident.Severity;
import java.time.Instant;

/** What the command views show of an incident: plain data, so the views are testable without JPA. */
record IncidentSummary(String reference, String title, IncidentStatus status, Severity severity, String commander,
                       String scribe, String comms, Instant openedAt, Instant acknowledgedAt, Instant mitigatedAt,
                       Instant resolvedAt, String summary, String slackChannelId) {

    static IncidentSummary of(Incident i) {
        return new IncidentSummary(i.reference(), i.getTitle(), i.getStatus(), i.getSeverity(),
                i.role(IncidentRole.COMMANDER), i.role(IncidentRole.SCRIBE), i.role(IncidentRole.COMMS),
                i.getOpenedAt(), i.getAcknowledgedAt(), i.getMitigatedAt(), i.getResolvedAt(), i.getSummary(),
                i.getSlackChannelId());
    }
}
