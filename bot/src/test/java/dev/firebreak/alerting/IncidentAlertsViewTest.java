package dev.firebreak.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentAlerts.AlertFact;
import dev.firebreak.incident.IncidentSource;
import dev.firebreak.incident.NewIncident;
import dev.firebreak.incident.Severity;
import dev.firebreak.incident.TestIncidents;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IncidentAlertsViewTest {

    static final Instant T0 = Instant.parse("2026-11-28T04:57:14Z");

    @Test
    void alertsViewCountsFiringAndKeepsOrder() {
        Incident incident = TestIncidents.incident(
                7,
                new NewIncident("g", null, Severity.SEV3, IncidentSource.ALERTMANAGER, "k", null, Map.of(), null, 4),
                T0);
        Alert firing = new Alert(
                incident.getId(),
                "f1",
                Map.of("alertname", "A", "pod", "p1"),
                Map.of("summary", "s"),
                Alert.FIRING,
                T0,
                null,
                "http://prom",
                T0);
        Alert resolved = new Alert(
                incident.getId(),
                "f2",
                Map.of("alertname", "A"),
                Map.of(),
                Alert.RESOLVED,
                T0.plusSeconds(5),
                T0.plusSeconds(50),
                null,
                T0);

        IncidentAlertsView view = IncidentAlertsView.of(incident, List.of(firing, resolved));

        assertThat(view.incidentId()).isEqualTo(incident.getId());
        assertThat(view.reference()).isEqualTo("INC-7");
        assertThat(view.truncatedAlerts()).isEqualTo(4);
        assertThat(view.firingAlertCount()).isEqualTo(1);
        assertThat(view.items()).extracting(AlertFact::fingerprint).containsExactly("f1", "f2");
        AlertFact a = view.items().get(0);
        assertThat(a.alertname()).isEqualTo("A");
        assertThat(a.status()).isEqualTo("firing");
        assertThat(a.labels()).containsEntry("pod", "p1");
        assertThat(a.annotations()).containsEntry("summary", "s");
        assertThat(a.startsAt()).isEqualTo(T0);
        assertThat(a.endsAt()).isNull();
        assertThat(a.generatorUrl()).isEqualTo("http://prom");
        assertThat(view.items().get(1).endsAt()).isEqualTo(T0.plusSeconds(50));
    }
}
