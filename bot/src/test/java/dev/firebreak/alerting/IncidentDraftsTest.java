package dev.firebreak.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.incident.IncidentSource;
import dev.firebreak.incident.NewIncident;
import dev.firebreak.incident.Severity;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.util.unit.DataSize;

class IncidentDraftsTest {

    static final AlertmanagerSettings DEFAULTS =
            new AlertmanagerSettings(null, null, null, DataSize.ofMegabytes(5), null, Severity.SEV4);

    @ParameterizedTest
    @CsvSource({"critical,SEV2", "CRITICAL,SEV2", "page,SEV1", "sev1,SEV1", "warning,SEV3", "info,SEV4", "'',SEV4"})
    void defaultSeverityMapping(String label, Severity expected) {
        assertThat(IncidentDrafts.map(label, DEFAULTS)).isEqualTo(expected);
    }

    @Test
    void configuredMappingOverridesAndExtendsTheDefaults() {
        AlertmanagerSettings custom = new AlertmanagerSettings(
                null,
                null,
                null,
                DataSize.ofMegabytes(5),
                Map.of("Critical", Severity.SEV1, "info", Severity.SEV3),
                Severity.SEV4);
        assertThat(IncidentDrafts.map("critical", custom)).isEqualTo(Severity.SEV1);
        assertThat(IncidentDrafts.map("info", custom)).isEqualTo(Severity.SEV3);
        assertThat(IncidentDrafts.map("warning", custom)).isEqualTo(Severity.SEV3);
        assertThat(IncidentDrafts.map(null, custom)).isEqualTo(Severity.SEV4);
    }

    @Test
    void mixedSeveritiesTakeTheWorst() {
        AlertmanagerNotification n = notification(
                Map.of(),
                Map.of("alertname", "X"),
                Map.of(),
                alert(Map.of("alertname", "X", "severity", "warning")),
                alert(Map.of("alertname", "X", "severity", "critical")));
        assertThat(IncidentDrafts.severity(n, DEFAULTS)).isEqualTo(Severity.SEV2);
    }

    @Test
    void draftFromFixture() {
        NewIncident draft =
                IncidentDrafts.draft(AlertmanagerPayloads.parse(Fixtures.bytes("firing-two-pods.json")), DEFAULTS);
        assertThat(draft.title()).isEqualTo("Checkout 5xx ratio above 5%");
        assertThat(draft.severity()).isEqualTo(Severity.SEV2);
        assertThat(draft.source()).isEqualTo(IncidentSource.ALERTMANAGER);
        assertThat(draft.correlationKey())
                .isEqualTo("{}:{alertname=\"HighErrorRate\", cluster=\"prod-eu-1\", service=\"checkout\"}");
        assertThat(draft.detectedAt()).isEqualTo(Instant.parse("2026-11-28T04:57:14Z"));
        assertThat(draft.labels()).containsEntry("service", "checkout").containsEntry("namespace", "shop");
        assertThat(draft.externalUrl()).isEqualTo("http://alertmanager.example.internal:9093");
    }

    @Test
    void titleFallsBackToAlertnameAndGroupLabels() {
        Map<String, String> group = new LinkedHashMap<>();
        group.put("alertname", "DiskFull");
        group.put("cluster", "prod");
        group.put("service", "ceph");
        AlertmanagerNotification n =
                notification(group, Map.of(), Map.of("summary", " "), alert(Map.of("alertname", "DiskFull")));
        assertThat(IncidentDrafts.title(n)).isEqualTo("DiskFull (cluster=prod, service=ceph)");
        AlertmanagerNotification noGroup =
                notification(Map.of(), Map.of(), Map.of(), alert(Map.of("alertname", "Solo")));
        assertThat(IncidentDrafts.title(noGroup)).isEqualTo("Solo");
    }

    static AlertmanagerNotification.Alert alert(Map<String, String> labels) {
        return new AlertmanagerNotification.Alert(
                "firing", labels, Map.of(), Instant.parse("2026-11-28T04:00:00Z"), null, null, "f" + labels.hashCode());
    }

    static AlertmanagerNotification notification(
            Map<String, String> group,
            Map<String, String> common,
            Map<String, String> annotations,
            AlertmanagerNotification.Alert... alerts) {
        return new AlertmanagerNotification(
                "r", "firing", "{}:{g}", null, 0, group, common, annotations, List.of(alerts));
    }
}
