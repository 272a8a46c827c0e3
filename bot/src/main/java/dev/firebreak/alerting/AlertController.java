package dev.firebreak.alerting;

import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentManagement;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/incidents/{ref}/alerts}: the alerts of one incident (UUID, number or INC-n). */
@RestController
class AlertController {

    private final IncidentManagement incidents;
    private final Alerts alerts;

    AlertController(IncidentManagement incidents, Alerts alerts) {
        this.incidents = incidents;
        this.alerts = alerts;
    }

    @GetMapping("/api/incidents/{ref}/alerts")
    @Transactional(readOnly = true)
    public IncidentAlertsView alerts(@PathVariable String ref) {
        Incident incident = incidents.require(ref);
        return IncidentAlertsView.of(incident, alerts.findByIncidentIdOrderByStartsAtAscIdAsc(incident.getId()));
    }
}
