package dev.firebreak.alerting;

import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentAlerts.AlertFact;
import java.util.List;
import java.util.UUID;

/**
 * The alerts of one incident, one page of them in {@code items}. {@code truncatedAlerts} is how many alerts
 * Alertmanager left out of its last notification ({@code max_alerts}): those are firing but not listed.
 * {@code firingAlertCount} and {@code total} count all stored alerts, not only this page.
 */
public record IncidentAlertsView(
        UUID incidentId,
        String reference,
        long firingAlertCount,
        int truncatedAlerts,
        List<AlertFact> items,
        int page,
        int size,
        long total) {

    /** All alerts on one page (tests, small incidents). */
    public static IncidentAlertsView of(Incident incident, List<Alert> alerts) {
        long firing = alerts.stream().filter(Alert::isFiring).count();
        return of(incident, alerts, firing, 0, Math.max(1, alerts.size()), alerts.size());
    }

    public static IncidentAlertsView of(
            Incident incident, List<Alert> page, long firing, int pageNumber, int size, long total) {
        return new IncidentAlertsView(
                incident.getId(),
                incident.reference(),
                firing,
                incident.getTruncatedAlerts(),
                page.stream().map(Alert::fact).toList(),
                pageNumber,
                size,
                total);
    }
}
