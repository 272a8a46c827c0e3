package dev.firebreak.runbook;

import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentAlerts;
import dev.firebreak.incident.IncidentAlerts.AlertFact;
import dev.firebreak.incident.IncidentManagement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Builds {@link IncidentFacts} from the incident and its alerts as they are now. */
@Component
class IncidentFactsSource {

    private final IncidentManagement incidents;
    private final IncidentAlerts alerts;

    IncidentFactsSource(IncidentManagement incidents, IncidentAlerts alerts) {
        this.incidents = incidents;
        this.alerts = alerts;
    }

    IncidentFacts of(UUID incidentId) {
        return of(incidents.get(incidentId));
    }

    IncidentFacts of(Incident i) {
        List<IncidentFacts.AlertFacts> list = alerts.of(i.getId()).stream()
                .map(IncidentFactsSource::alert).toList();
        return new IncidentFacts(i.getId().toString(), i.reference(), i.getTitle(), i.getSeverity().name(),
                i.getStatus().name(), i.getService(), i.getLabels() == null ? Map.of() : Map.copyOf(i.getLabels()), list);
    }

    private static IncidentFacts.AlertFacts alert(AlertFact a) {
        return new IncidentFacts.AlertFacts(a.fingerprint(), a.firing() ? "firing" : "resolved",
                Map.copyOf(a.labels()), Map.copyOf(a.annotations()), a.startsAt());
    }
}
