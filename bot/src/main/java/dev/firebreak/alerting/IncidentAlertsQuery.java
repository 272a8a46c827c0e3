package dev.firebreak.alerting;

import dev.firebreak.incident.IncidentAlerts;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** {@link IncidentAlerts} over the alert table. */
@Component
class IncidentAlertsQuery implements IncidentAlerts {

    private final Alerts alerts;

    IncidentAlertsQuery(Alerts alerts) {
        this.alerts = alerts;
    }

    @Override
    public List<AlertFact> of(UUID incidentId) {
        return alerts.findByIncidentIdOrderByStartsAtAscIdAsc(incidentId).stream()
                .map(Alert::fact)
                .toList();
    }
}
