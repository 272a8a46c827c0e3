package dev.firebreak.runbook;

import dev.firebreak.alerting.Alert;
import dev.firebreak.alerting.Alerts;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentManagement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Builds {@link IncidentFacts} from the incident and its alerts as they are now. */
@Component
class IncidentFactsSource {

    private final IncidentManagement incidents;
    private final Alerts alerts;

    IncidentFactsSource(IncidentManagement incidents, Alerts alerts) {
        this.incidents = incidents;
        this.alerts = alerts;
    }

    IncidentFacts of(UUID incidentId) {
        return of(incidents.get(incidentId));
    }

    IncidentFacts of(Incident i) {
        List<IncidentFacts.AlertFacts> list = alerts.findByIncidentIdOrderByStartsAtAscIdAsc(i.getId()).stream()
                .map(IncidentFactsSource::alert).toList();
        return new IncidentFacts(i.getId().toString(), i.reference(), i.getTitle(), i.getSeverity().name(),
                i.getStatus().name(), i.getService(), i.getLabels() == null ? Map.of() : Map.copyOf(i.getLabels()), list);
    }

    private static IncidentFacts.AlertFacts alert(Alert a) {
        return new IncidentFacts.AlertFacts(a.getFingerprint(), a.isFiring() ? "firing" : "resolved",
                a.getLabels() == null ? Map.of() : Map.copyOf(a.getLabels()),
                a.getAnnotations() == null ? Map.of() : Map.copyOf(a.getAnnotations()), a.getStartsAt());
    }
}
