package dev.firebreak.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;

class AlertmanagerPayloadsTest {

    static final String[] FIXTURES = Fixtures.ALL;

    @ParameterizedTest
    @FieldSource("FIXTURES")
    void parsesEveryCapturedFixture(String name) {
        AlertmanagerNotification n = AlertmanagerPayloads.parse(Fixtures.bytes(name));
        assertThat(n.groupKey()).isNotBlank();
        assertThat(n.status()).isIn("firing", "resolved");
        assertThat(n.alerts()).isNotEmpty().allSatisfy(a -> {
            assertThat(a.fingerprint()).matches("[0-9a-f]{16}");
            assertThat(a.startsAt()).isAfter(Instant.parse("2026-01-01T00:00:00Z"));
            assertThat(a.labels()).containsKey("alertname");
            if (a.isFiring()) {
                assertThat(a.endsAt()).as("0001-01-01 means no end").isNull();
            } else {
                assertThat(a.endsAt()).isAfterOrEqualTo(a.startsAt());
            }
        });
    }

    @Test
    void firingTwoPodsInDetail() {
        AlertmanagerNotification n = AlertmanagerPayloads.parse(Fixtures.bytes("firing-two-pods.json"));
        assertThat(n.receiver()).isEqualTo("firebreak");
        assertThat(n.groupKey())
                .isEqualTo("{}:{alertname=\"HighErrorRate\", cluster=\"prod-eu-1\", service=\"checkout\"}");
        assertThat(n.externalUrl()).isEqualTo("http://alertmanager.example.internal:9093");
        assertThat(n.commonLabels()).containsEntry("severity", "critical").containsEntry("namespace", "shop");
        assertThat(n.groupLabels()).containsOnlyKeys("alertname", "cluster", "service");
        assertThat(n.commonAnnotations()).containsEntry("summary", "Checkout 5xx ratio above 5%");
        assertThat(n.alerts())
                .extracting(AlertmanagerNotification.Alert::fingerprint)
                .containsExactly("6bee3bd1bf1e1b8e", "a905de48bcd1542f");
        assertThat(n.alerts().get(0).generatorUrl()).startsWith("http://prometheus.example.internal:9090/graph");
        assertThat(n.alerts().get(1).generatorUrl()).as("empty generatorURL").isNull();
        assertThat(n.earliestStart()).isEqualTo(Instant.parse("2026-11-28T04:57:14Z"));
        assertThat(n.truncatedAlerts()).isZero();
    }

    @Test
    void truncatedAndResolvedFixtures() {
        AlertmanagerNotification firing =
                AlertmanagerPayloads.parse(Fixtures.bytes("firing-truncated-max3-of-10.json"));
        assertThat(firing.alerts()).hasSize(3);
        assertThat(firing.truncatedAlerts()).isEqualTo(7);
        AlertmanagerNotification resolved =
                AlertmanagerPayloads.parse(Fixtures.bytes("resolved-truncated-max3-of-10.json"));
        assertThat(resolved.isResolved()).isTrue();
        assertThat(resolved.truncatedAlerts()).isEqualTo(7);
        AlertmanagerNotification partly = AlertmanagerPayloads.parse(Fixtures.bytes("one-pod-resolved.json"));
        assertThat(partly.status()).isEqualTo("firing");
        assertThat(partly.alerts())
                .extracting(AlertmanagerNotification.Alert::status)
                .containsExactly("resolved", "firing");
    }

    @Test
    void haSplitBrainDeliveriesDifferOnlyInExternalUrl() {
        AlertmanagerNotification am1 =
                AlertmanagerPayloads.parse(Fixtures.bytes("behaviour/07-ha-split-brain-am1.json"));
        AlertmanagerNotification am2 =
                AlertmanagerPayloads.parse(Fixtures.bytes("behaviour/08-ha-split-brain-am2.json"));
        assertThat(am1.groupKey()).isEqualTo(am2.groupKey());
        assertThat(am1.externalUrl()).isNotEqualTo(am2.externalUrl());
        assertThat(am1.alerts().get(0).fingerprint())
                .isEqualTo(am2.alerts().get(0).fingerprint());
    }

    @Test
    void keepsNanosecondsAndIgnoresUnknownFields() {
        String body = minimal(
                        "\"startsAt\":\"2026-11-28T04:57:14.123456789Z\",\"endsAt\":\"2026-11-28T05:00:00.000000001+01:00\"")
                .replace(
                        "\"version\":\"4\"",
                        "\"version\":\"4\",\"notification_reason\":\"x\",\"routeLabels\":{\"a\":1}");
        AlertmanagerNotification n = AlertmanagerPayloads.parse(body.getBytes(StandardCharsets.UTF_8));
        assertThat(n.alerts().get(0).startsAt()).isEqualTo(Instant.parse("2026-11-28T04:57:14.123456789Z"));
        assertThat(n.alerts().get(0).endsAt()).isEqualTo(Instant.parse("2026-11-28T04:00:00.000000001Z"));
    }

    @Test
    void labelsAreKeptVerbatim() {
        String body = minimal("\"startsAt\":\"2026-11-28T04:57:14Z\"")
                .replace(
                        "\"labels\":{\"alertname\":\"X\"}",
                        "\"labels\":{\"alertname\":\"<@U123> *bold* & \\u00e9\\\"\"}");
        AlertmanagerNotification n = AlertmanagerPayloads.parse(body.getBytes(StandardCharsets.UTF_8));
        assertThat(n.alerts().get(0).labels()).containsEntry("alertname", "<@U123> *bold* & é\"");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "not json at all                                     | malformed",
                "[1,2]                                               | malformed",
                "{\"version\":\"3\",\"groupKey\":\"g\"}              | version",
                "{\"groupKey\":\"g\"}                                | version",
                "{\"version\":4}                                     | version",
            })
    void refusesMalformedAndWrongVersion(String body, String reason) {
        assertThatThrownBy(() -> AlertmanagerPayloads.parse(body.strip().getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(
                        AlertmanagerPayloads.Rejected.class,
                        e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "\"groupKey\":\"g\",                   | \"groupKey\":\"\",",
                "\"status\":\"firing\",                | \"status\":\"burning\",",
                "\"alerts\":[                          | \"alerts\":[],\"x\":[",
                "\"fingerprint\":\"f1\"                | \"fingerprint\":null",
                "\"labels\":{\"alertname\":\"X\"}      | \"labels\":{\"alertname\":1}",
                "\"labels\":{\"alertname\":\"X\"},     | ''",
                "\"startsAt\":\"2026-11-28T04:57:14Z\" | \"startsAt\":\"yesterday\"",
                "\"startsAt\":\"2026-11-28T04:57:14Z\" | \"startsAt\":\"0001-01-01T00:00:00Z\"",
                "\"truncatedAlerts\":0                 | \"truncatedAlerts\":-1",
            })
    void refusesMissingOrInvalidFields(String from, String to) {
        String body = minimal("\"startsAt\":\"2026-11-28T04:57:14Z\"");
        assertThat(body).contains(from.strip());
        String broken = body.replace(from.strip(), to.strip());
        assertThatThrownBy(() -> AlertmanagerPayloads.parse(broken.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(
                        AlertmanagerPayloads.Rejected.class,
                        e -> assertThat(e.reason()).isEqualTo("invalid"));
    }

    @Test
    void refusesAnAlertWithoutStatus() {
        String body = minimal("\"startsAt\":\"2026-11-28T04:57:14Z\"")
                .replace("\"status\":\"firing\",\"labels\"", "\"labels\"");
        assertThatThrownBy(() -> AlertmanagerPayloads.parse(body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(AlertmanagerPayloads.Rejected.class)
                .hasMessageContaining("alerts[0].status");
    }

    static String minimal(String times) {
        return "{\"version\":\"4\",\"groupKey\":\"g\",\"status\":\"firing\",\"receiver\":\"r\",\"truncatedAlerts\":0,"
                + "\"alerts\":[{\"status\":\"firing\",\"labels\":{\"alertname\":\"X\"},\"annotations\":{},"
                + times + ",\"fingerprint\":\"f1\"}]}";
    }
}
