package dev.firebreak.slack.delivery;

import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentAlerts;
import dev.firebreak.incident.IncidentStatus;
import dev.firebreak.incident.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the Slack views show about an incident: the read model's fields they use plus the alerts as the card shows
 * them; plain data, so views are pure functions of it. {@code drill}: a drill incident (banner, {@code [DRILL]}).
 */
record IncidentView(
        UUID id,
        long number,
        String title,
        String summary,
        Severity severity,
        IncidentStatus status,
        String commander,
        String scribe,
        String comms,
        Instant detectedAt,
        Instant openedAt,
        Instant acknowledgedAt,
        Instant mitigatedAt,
        Instant resolvedAt,
        String externalUrl,
        int truncatedAlerts,
        List<AlertView> alerts,
        boolean drill) {

    IncidentView {
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
    }

    /** One alert as the card shows it. Every string in here is untrusted. */
    record AlertView(
            String alertname, boolean firing, Map<String, String> labels, String generatorUrl, String runbookUrl) {

        AlertView {
            labels = labels == null ? Map.of() : labels;
        }

        static AlertView of(IncidentAlerts.AlertFact alert) {
            return new AlertView(
                    alert.name(),
                    alert.firing(),
                    alert.labels(),
                    alert.generatorUrl(),
                    alert.annotations().get("runbook_url"));
        }
    }

    /** From the incident read model and the incident's alerts. */
    static IncidentView of(dev.firebreak.incident.IncidentView i, List<IncidentAlerts.AlertFact> alerts) {
        return new IncidentView(
                i.id(),
                i.number(),
                i.title(),
                i.summary(),
                i.severity(),
                i.status(),
                i.commander(),
                i.scribe(),
                i.comms(),
                i.detectedAt(),
                i.openedAt(),
                i.acknowledgedAt(),
                i.mitigatedAt(),
                i.resolvedAt(),
                i.externalUrl(),
                i.truncatedAlerts(),
                alerts.stream().map(AlertView::of).toList(),
                i.drill());
    }

    String reference() {
        return Incident.reference(number);
    }

    long firing() {
        return alerts.stream().filter(AlertView::firing).count();
    }

    long resolved() {
        return alerts.size() - firing();
    }
}
