package dev.firebreak.runbook;

import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentAlerts;
import dev.firebreak.incident.IncidentAlerts.AlertFact;
import dev.firebreak.incident.IncidentQueries;
import dev.firebreak.incident.IncidentView;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Builds {@link IncidentFacts} from the incident read model and its alerts as they are now. */
@Component
class IncidentFactsSource {

    private final IncidentQueries incidents;
    private final IncidentAlerts alerts;

    IncidentFactsSource(IncidentQueries incidents, IncidentAlerts alerts) {
        this.incidents = incidents;
        this.alerts = alerts;
    }

    IncidentFacts of(UUID incidentId) {
        return of(incidents.view(incidentId));
    }

    IncidentFacts of(Incident i) {
        return of(incidents.view(i));
    }

    private IncidentFacts of(IncidentView i) {
        List<IncidentFacts.AlertFacts> list =
                alerts.of(i.id()).stream().map(IncidentFactsSource::alert).toList();
        return new IncidentFacts(
                i.id().toString(),
                i.reference(),
                i.drill(),
                i.title(),
                i.severity().name(),
                i.status().name(),
                i.service(),
                i.labels(),
                list);
    }

    private static IncidentFacts.AlertFacts alert(AlertFact a) {
        return new IncidentFacts.AlertFacts(
                a.fingerprint(),
                a.firing() ? "firing" : "resolved",
                Map.copyOf(a.labels()),
                Map.copyOf(a.annotations()),
                a.startsAt());
    }
}
