package dev.firebreak.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebreak.support.FirebreakTest;
import dev.firebreak.timeline.Timeline;
import dev.firebreak.timeline.TimelineEntry;
import dev.firebreak.timeline.TimelineKinds;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

@FirebreakTest
class IncidentManagementTest {

    @Autowired
    IncidentManagement management;

    @Autowired
    Timeline timeline;

    @Test
    void numbersAreSequentialAndLookupsWork() {
        Incident a = management.open(
                NewIncident.declared("Disk full", null, Severity.SEV3, IncidentSource.API), Actor.api("t"));
        Incident b = management.open(
                NewIncident.declared("Disk fuller", null, Severity.SEV3, IncidentSource.API), Actor.api("t"));
        assertThat(b.getNumber()).isEqualTo(a.getNumber() + 1);
        assertThat(management.require("INC-" + b.getNumber()).getId()).isEqualTo(b.getId());
        assertThat(management.require("inc-" + b.getNumber()).getId()).isEqualTo(b.getId());
        assertThat(management.require(String.valueOf(a.getNumber())).getId()).isEqualTo(a.getId());
        assertThat(management.require(a.getId().toString()).getNumber()).isEqualTo(a.getNumber());
        assertThat(management.find("nonsense")).isEmpty();
    }

    @Test
    void lifecycleStampsMilestonesAndWritesTimeline() {
        Incident i = management.open(
                NewIncident.declared("API down", null, Severity.SEV1, IncidentSource.SLACK),
                Actor.slack("U1", "alice"));
        management.acknowledge(i.getId(), Actor.slack("U1", "alice"));
        assertThatThrownBy(() -> management.acknowledge(i.getId(), Actor.slack("U1", "alice")))
                .isInstanceOf(IllegalTransitionException.class);
        Incident resolved = management.resolve(i.getId(), Actor.slack("U2", "bob"), "rolled back");
        assertThat(resolved.getStatus()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(resolved.getAcknowledgedAt()).isNotNull();
        assertThat(resolved.getResolvedAt()).isNotNull();
        assertThat(resolved.getSummary()).isEqualTo("rolled back");
        assertThatThrownBy(() -> management.mitigate(i.getId(), Actor.api("x")))
                .isInstanceOf(IllegalTransitionException.class);
        Incident reopened = management.reopen(i.getId(), Actor.api("x"), "came back");
        assertThat(reopened.getResolvedAt()).isNull();

        List<String> kinds =
                timeline.of(i.getId()).stream().map(TimelineEntry::getKind).toList();
        assertThat(kinds)
                .containsExactly(
                        TimelineKinds.INCIDENT_OPENED,
                        TimelineKinds.STATUS_CHANGED,
                        TimelineKinds.STATUS_CHANGED,
                        TimelineKinds.STATUS_CHANGED);
    }

    @Test
    void oneOpenIncidentPerCorrelationKeyIsADatabaseRule() {
        NewIncident spec = new NewIncident(
                "Group",
                null,
                Severity.SEV2,
                IncidentSource.ALERTMANAGER,
                "{}:{alertname=\"X\"}",
                null,
                java.util.Map.of(),
                null,
                0);
        Incident first = management.open(spec, Actor.alertmanager());
        assertThatThrownBy(() -> management.open(spec, Actor.alertmanager()))
                .isInstanceOf(DataIntegrityViolationException.class);
        management.resolve(first.getId(), Actor.alertmanager(), null);
        Incident second = management.open(spec, Actor.alertmanager());
        assertThat(second.getNumber()).isGreaterThan(first.getNumber());
    }
}
