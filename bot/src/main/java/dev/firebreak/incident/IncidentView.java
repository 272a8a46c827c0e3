package dev.firebreak.incident;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An incident as the REST API shows it. Field names are a stable contract (see docs/api.md); times are UTC
 * ISO-8601, {@code source} is lowercase, {@code reference} is the human form {@code INC-12} ({@code DRILL-3} for a
 * drill incident). {@code drill}: a drill incident (issue 14), which pages nobody, runs runbooks dry and moves no
 * metric; other modules ask this, never the reference or the sign of the number.
 */
public record IncidentView(
        UUID id,
        long number,
        String reference,
        String title,
        String summary,
        Severity severity,
        IncidentStatus status,
        String source,
        long alertCount,
        long firingAlertCount,
        int truncatedAlerts,
        Map<String, String> labels,
        String service,
        String team,
        String cluster,
        String namespace,
        String commander,
        String scribe,
        String comms,
        String slackChannelId,
        String slackChannelName,
        String externalUrl,
        Instant detectedAt,
        Instant openedAt,
        Instant acknowledgedAt,
        Instant mitigatedAt,
        Instant resolvedAt,
        Instant updatedAt,
        boolean drill) {

    /** The one read model of an incident: the record, its alert counts and its chat channel (null: none yet). */
    public static IncidentView of(Incident incident, AlertTotals.Counts alerts, IncidentChannels.Channel channel) {
        return new IncidentView(
                incident.getId(),
                incident.getNumber(),
                incident.reference(),
                incident.getTitle(),
                incident.getSummary(),
                incident.getSeverity(),
                incident.getStatus(),
                incident.getSource() == null ? null : incident.getSource().wireName(),
                alerts.total(),
                alerts.firing(),
                incident.getTruncatedAlerts(),
                incident.getLabels() == null ? Map.of() : Map.copyOf(incident.getLabels()),
                incident.getService(),
                incident.getTeam(),
                incident.getCluster(),
                incident.getNamespace(),
                incident.getCommander(),
                incident.getScribe(),
                incident.getComms(),
                channel == null ? null : channel.id(),
                channel == null ? null : channel.name(),
                incident.getExternalUrl(),
                incident.getDetectedAt(),
                incident.getOpenedAt(),
                incident.getAcknowledgedAt(),
                incident.getMitigatedAt(),
                incident.getResolvedAt(),
                incident.getUpdatedAt(),
                incident.isDrill());
    }
}
