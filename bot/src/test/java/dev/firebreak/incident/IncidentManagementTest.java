package dev.firebreak.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebreak.support.TestClock;
import dev.firebreak.support.TestDatabase;
import dev.firebreak.timeline.Timeline;
import dev.firebreak.timeline.TimelineEntry;
import dev.firebreak.timeline.TimelineKinds;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Incident lifecycle and numbering on the real database (H2, or PostgreSQL with {@code -Ppostgres}). A JPA slice:
 * the repositories, {@link IncidentManagement} and the timeline (with the listener that writes it) on a database of
 * its own; no web server, no Slack or paging. Not in a test transaction: each call commits, as in production, so
 * the unique-index violation is the database's and the calls after it run normally.
 */
@DataJpaTest(
        includeFilters =
                @ComponentScan.Filter(
                        type = FilterType.REGEX,
                        pattern = {
                            "dev\\.firebreak\\.incident\\.IncidentManagement",
                            "dev\\.firebreak\\.timeline\\.Timeline(Recorder)?"
                        }))
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ContextConfiguration(initializers = TestDatabase.class)
@Import(TestClock.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
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
