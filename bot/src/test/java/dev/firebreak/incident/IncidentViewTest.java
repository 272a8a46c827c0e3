package dev.firebreak.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The API views are pure functions of the entities. */
class IncidentViewTest {

    static final Instant T0 = Instant.parse("2026-11-28T05:00:00Z");

    @Test
    void incidentViewCopiesEveryFieldAndLowercasesTheSource() {
        NewIncident spec = new NewIncident(
                "  Checkout 5xx  ",
                "errors",
                Severity.SEV2,
                IncidentSource.ALERTMANAGER,
                "{}:{alertname=\"X\"}",
                T0.minusSeconds(60),
                Map.of("service", "checkout", "team", "payments", "cluster", "prod", "namespace", "shop"),
                "http://am:9093",
                3);
        Incident incident = new Incident(UUID.randomUUID(), 42, spec, T0);
        incident.moveTo(IncidentStatus.ACKNOWLEDGED, T0.plusSeconds(30));
        incident.assign(IncidentRole.COMMANDER, "U123", T0.plusSeconds(31));

        IncidentView view = IncidentView.of(
                incident, new AlertTotals.Counts(5, 2), new IncidentChannels.Channel("C1", "inc-42-checkout"));

        assertThat(view.id()).isEqualTo(incident.getId());
        assertThat(view.number()).isEqualTo(42);
        assertThat(view.reference()).isEqualTo("INC-42");
        assertThat(view.title()).isEqualTo("Checkout 5xx");
        assertThat(view.summary()).isEqualTo("errors");
        assertThat(view.severity()).isEqualTo(Severity.SEV2);
        assertThat(view.status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(view.source()).isEqualTo("alertmanager");
        assertThat(view.alertCount()).isEqualTo(5);
        assertThat(view.firingAlertCount()).isEqualTo(2);
        assertThat(view.truncatedAlerts()).isEqualTo(3);
        assertThat(view.labels()).containsEntry("team", "payments").hasSize(4);
        assertThat(view.service()).isEqualTo("checkout");
        assertThat(view.team()).isEqualTo("payments");
        assertThat(view.cluster()).isEqualTo("prod");
        assertThat(view.namespace()).isEqualTo("shop");
        assertThat(view.commander()).isEqualTo("U123");
        assertThat(view.scribe()).isNull();
        assertThat(view.comms()).isNull();
        assertThat(view.slackChannelId()).isEqualTo("C1");
        assertThat(view.slackChannelName()).isEqualTo("inc-42-checkout");
        assertThat(view.externalUrl()).isEqualTo("http://am:9093");
        assertThat(view.detectedAt()).isEqualTo(T0.minusSeconds(60));
        assertThat(view.openedAt()).isEqualTo(T0);
        assertThat(view.acknowledgedAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(view.mitigatedAt()).isNull();
        assertThat(view.resolvedAt()).isNull();
        assertThat(view.updatedAt()).isEqualTo(T0.plusSeconds(31));
    }

    @Test
    void viewLabelsAreACopy() {
        Incident incident = new Incident(
                UUID.randomUUID(), 1, NewIncident.declared("t", null, Severity.SEV4, IncidentSource.API), T0);
        IncidentView view = IncidentView.of(incident, AlertTotals.Counts.NONE, null);
        incident.getLabels().put("late", "change");
        assertThat(view.labels()).isEmpty();
        assertThat(view.source()).isEqualTo("api");
        assertThat(view.slackChannelId()).isNull();
        assertThat(view.slackChannelName()).isNull();
    }
}
