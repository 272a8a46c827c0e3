package dev.firebreak.alerting;

import dev.firebreak.incident.Incident;
import java.util.List;
import java.util.UUID;

/**
 * The alerts of one incident. {@code truncatedAlerts} is how many alerts Alertmanager left out of its last
 * notification ({@code max_alerts}): those are firing but not listed in {@code items}.
 */
public record IncidentAlertsView(UUID incidentId, String reference, long firingAlertCount, int truncatedAlerts,
                                 List<AlertView> items) {

    public static IncidentAlertsView of(Incident incident, List<Alert> alerts) {
        List<AlertView> views = alerts.stream().map(AlertView::of).toList();
        long firing = alerts.stream().filter(Alert::isFiring).count();
        return new IncidentAlertsView(incident.getId(), incident.reference(), firing,
                incident.getTruncatedAlerts(), views);
    }
}
