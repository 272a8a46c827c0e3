package dev.firebreak.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The pure parts of alert correlation: which sightings are stale, and how a timeline line reads. */
class AlertUpsertsTest {

    static final Instant T0 = Instant.parse("2026-11-28T04:57:14Z");
    static final Instant T1 = Instant.parse("2026-11-28T05:05:00Z");

    static Alert stored(String status, Instant startsAt, Instant endsAt) {
        return new Alert(
                UUID.randomUUID(), "f1", Map.of("alertname", "X"), Map.of(), status, startsAt, endsAt, null, T0);
    }

    static AlertmanagerNotification.Alert sighting(String status, Instant startsAt, Instant endsAt) {
        return new AlertmanagerNotification.Alert(
                status, Map.of("alertname", "X"), Map.of(), startsAt, endsAt, null, "f1");
    }

    @Test
    void aFiringSightingOfAnAlreadyResolvedFiringIsStale() {
        Alert resolved = stored("resolved", T0, T1);
        assertThat(AlertUpserts.isStale(resolved, sighting("firing", T0, null))).isTrue();
        assertThat(AlertUpserts.isStale(resolved, sighting("firing", T0.plusMillis(13), null)))
                .as("the other Alertmanager of an HA pair stamps a slightly later start")
                .isTrue();
        assertThat(AlertUpserts.isStale(resolved, sighting("firing", T1.plusSeconds(60), null)))
                .as("a relapse after the resolution")
                .isFalse();
    }

    @Test
    void nothingElseIsStale() {
        assertThat(AlertUpserts.isStale(stored("firing", T0, null), sighting("firing", T0, null)))
                .isFalse();
        assertThat(AlertUpserts.isStale(stored("firing", T0, null), sighting("resolved", T0, T1)))
                .isFalse();
        assertThat(AlertUpserts.isStale(stored("resolved", T0, T1), sighting("resolved", T0, T1)))
                .isFalse();
    }

    @Test
    void timelineTextNamesTheAlertItsSummaryAndWhatSetsItApart() {
        AlertmanagerNotification n = AlertmanagerPayloads.parse(Fixtures.bytes("firing-two-pods.json"));
        assertThat(AlertUpserts.describe(n, n.alerts().get(0), "firing"))
                .isEqualTo("HighErrorRate firing: Checkout 5xx ratio above 5% (pod=checkout-7d9f8-abcde)");
        AlertmanagerNotification.Alert bare =
                new AlertmanagerNotification.Alert("resolved", Map.of("alertname", "Y"), Map.of(), T0, T1, null, "f2");
        AlertmanagerNotification single = new AlertmanagerNotification(
                "r", "resolved", "g", null, 0, Map.of(), Map.of("alertname", "Y"), Map.of(), List.of(bare));
        assertThat(AlertUpserts.describe(single, bare, "resolved")).isEqualTo("Y resolved");
    }
}
