package dev.firebreak.alerting;

import static dev.firebreak.alerting.IntakeQueries.groupKey;
import static dev.firebreak.alerting.IntakeQueries.withGroupKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.alerting.WebhookClient.Answer;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentStatus;
import dev.firebreak.incident.Incidents;
import dev.firebreak.incident.Severity;
import dev.firebreak.support.FirebreakTest;
import dev.firebreak.timeline.Timeline;
import dev.firebreak.timeline.TimelineEntry;
import dev.firebreak.timeline.TimelineKinds;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

@FirebreakTest(
        properties = {
            "firebreak.alertmanager.bearer-token=am-token",
            "firebreak.alertmanager.basic-username=alertmanager",
            "firebreak.alertmanager.basic-password=hunter2",
            "firebreak.alertmanager.max-body-bytes=64KB",
            "firebreak.api.token=test-token"
        })
class AlertmanagerWebhookTest {

    static final String[] FIXTURES = Fixtures.ALL;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Incidents incidents;

    @Autowired
    Timeline timeline;

    WebhookClient client;
    IntakeQueries db;

    @BeforeEach
    void setUp() {
        client = new WebhookClient(port);
        db = new IntakeQueries(jdbc);
    }

    @ParameterizedTest
    @FieldSource("FIXTURES")
    void acceptsEveryCapturedFixture(String fixture) {
        String body = withGroupKey(fixture, "each-" + fixture);
        Answer answer = client.post(body);
        assertThat(answer.status()).isEqualTo(200);
        boolean resolved = answer.json().get("outcome").stringValue().equals("IGNORED_NO_OPEN_INCIDENT");
        assertThat(db.incidentsOf(groupKey(body))).hasSize(resolved ? 0 : 1);
        assertThat(db.outcomesOf(groupKey(body))).hasSize(1);
    }

    @Test
    void refusesMissingOrWrongCredentialsWithoutWritingAnything() {
        String body = withGroupKey("firing-two-pods.json", "auth");
        long notifications = db.count("alert_notification");
        for (String auth : new String[] {
            null,
            "Bearer wrong",
            "Bearer am-token2",
            "am-token",
            "Basic " + Base64.getEncoder().encodeToString("alertmanager:wrong".getBytes())
        }) {
            Answer answer = client.post(body, auth);
            assertThat(answer.status()).as(String.valueOf(auth)).isEqualTo(401);
            assertThat(answer.json().get("error").stringValue()).isEqualTo("unauthorized");
        }
        assertThat(db.count("alert_notification")).isEqualTo(notifications);
        assertThat(db.incidentsOf(groupKey(body))).isEmpty();
    }

    @Test
    void acceptsBasicAuthAsCapturedFromAlertmanager() {
        String body = withGroupKey("firing-truncated-max3-of-10.json", "basic");
        Answer answer = client.post(body, "Basic YWxlcnRtYW5hZ2VyOmh1bnRlcjI="); // fixtures/firing-truncated.headers
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("outcome").stringValue()).isEqualTo("OPENED");
    }

    @Test
    void groupLifecycleFromFiringToAutoResolved() {
        String firing = withGroupKey("firing-two-pods.json", "lifecycle");
        String key = groupKey(firing);

        Answer opened = client.post(firing);
        assertThat(opened.status()).isEqualTo(200);
        JsonNode json = opened.json();
        assertThat(json.get("outcome").stringValue()).isEqualTo("OPENED");
        UUID id = UUID.fromString(json.get("incidentId").stringValue());
        assertThat(json.get("incident").stringValue())
                .isEqualTo("INC-" + json.get("incidentNumber").longValue());

        Incident incident = incidents.findById(id).orElseThrow();
        assertThat(incident.getTitle()).isEqualTo("Checkout 5xx ratio above 5%");
        assertThat(incident.getSeverity()).isEqualTo(Severity.SEV2);
        assertThat(incident.getStatus()).isEqualTo(IncidentStatus.TRIGGERED);
        assertThat(incident.getCorrelationKey()).isEqualTo(key);
        assertThat(incident.getDetectedAt()).isEqualTo(Instant.parse("2026-11-28T04:57:14Z"));
        assertThat(incident.getService()).isEqualTo("checkout");
        assertThat(incident.getLabels()).containsEntry("severity", "critical");
        assertThat(incident.getExternalUrl()).isEqualTo("http://alertmanager.example.internal:9093");
        assertThat(db.alertsOf(id)).extracting(a -> a.get("status")).containsExactly("firing", "firing");
        List<TimelineEntry> firingEntries = timeline.of(id).stream()
                .filter(e -> e.getKind().equals(TimelineKinds.ALERT_FIRING))
                .toList();
        assertThat(firingEntries).hasSize(2).allSatisfy(e -> {
            assertThat(e.getOccurredAt()).isEqualTo(Instant.parse("2026-11-28T04:57:14Z"));
            assertThat(e.getActor()).isEqualTo("alertmanager");
        });
        assertThat(firingEntries.get(0).getText() + firingEntries.get(1).getText())
                .contains("pod=checkout-7d9f8-abcde");

        Answer partly = client.post(withGroupKey("one-pod-resolved.json", "lifecycle"));
        assertThat(partly.json().get("outcome").stringValue()).isEqualTo("UPDATED");
        assertThat(db.status(id)).isEqualTo("TRIGGERED");
        assertThat(db.alertsOf(id))
                .extracting(a -> a.get("fingerprint") + "=" + a.get("status"))
                .containsExactly("6bee3bd1bf1e1b8e=resolved", "a905de48bcd1542f=firing");
        TimelineEntry resolvedEntry = timeline.of(id).stream()
                .filter(e -> e.getKind().equals(TimelineKinds.ALERT_RESOLVED))
                .findFirst()
                .orElseThrow();
        JsonNode onePod = WebhookClient.JSON.readTree(Fixtures.read("one-pod-resolved.json"));
        assertThat(resolvedEntry.getOccurredAt())
                .isEqualTo(
                        Instant.parse(onePod.get("alerts").get(0).get("endsAt").stringValue()));

        Answer done = client.post(withGroupKey("group-resolved.json", "lifecycle"));
        assertThat(done.json().get("outcome").stringValue()).isEqualTo("RESOLVED");
        assertThat(done.json().get("incidentStatus").stringValue()).isEqualTo("RESOLVED");
        Incident resolved = incidents.findById(id).orElseThrow();
        assertThat(resolved.getStatus()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(resolved.getResolvedAt()).isNotNull();
        assertThat(db.alertsOf(id)).extracting(a -> a.get("status")).containsExactly("resolved", "resolved");
        List<TimelineEntry> auto = timeline.of(id).stream()
                .filter(e -> e.getKind().equals(TimelineKinds.AUTO_RESOLVED))
                .toList();
        assertThat(auto).singleElement().satisfies(e -> {
            assertThat(e.getText())
                    .contains("All alerts of the Alertmanager group resolved")
                    .contains("resolved automatically");
            assertThat(e.getActor()).isEqualTo("alertmanager");
        });
        assertThat(db.timelineKinds(id)).contains(TimelineKinds.STATUS_CHANGED);
        assertThat(db.outcomesOf(key)).containsExactly("OPENED", "UPDATED", "RESOLVED");

        // The same resolved notification again (redelivery): recorded, nothing opened, nothing re-resolved.
        Answer again = client.post(withGroupKey("group-resolved.json", "lifecycle"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("outcome").stringValue()).isEqualTo("IGNORED_NO_OPEN_INCIDENT");
        assertThat(db.incidentsOf(key)).containsExactly(id);
        assertThat(db.duplicateTimelineEntries(id)).isZero();
    }

    @Test
    void truncatedGroupKeepsTheCountAndResolvesWhenTheGroupResolves() {
        Answer opened = client.post(withGroupKey("firing-truncated-max3-of-10.json", "trunc"));
        UUID id = UUID.fromString(opened.json().get("incidentId").stringValue());
        Incident incident = incidents.findById(id).orElseThrow();
        assertThat(incident.getTruncatedAlerts()).isEqualTo(7);
        assertThat(db.alertsOf(id)).hasSize(3);
        Answer resolved = client.post(withGroupKey("resolved-truncated-max3-of-10.json", "trunc"));
        assertThat(resolved.json().get("outcome").stringValue()).isEqualTo("RESOLVED");
        assertThat(db.status(id)).isEqualTo("RESOLVED");
    }

    @Test
    void haSplitBrainDeliveriesMakeOneIncident() {
        Answer am1 = client.post(withGroupKey("behaviour/07-ha-split-brain-am1.json", "ha"));
        Answer am2 = client.post(withGroupKey("behaviour/08-ha-split-brain-am2.json", "ha"));
        assertThat(am1.status()).isEqualTo(200);
        assertThat(am2.status()).isEqualTo(200);
        assertThat(am2.json().get("incidentId").stringValue())
                .isEqualTo(am1.json().get("incidentId").stringValue());
        UUID id = UUID.fromString(am1.json().get("incidentId").stringValue());
        assertThat(db.alertsOf(id)).hasSize(1);
        assertThat(db.timelineKinds(id)).containsOnlyOnce(TimelineKinds.ALERT_FIRING);
        assertThat(db.outcomesOf(groupKey(withGroupKey("behaviour/07-ha-split-brain-am1.json", "ha"))))
                .containsExactly("OPENED", "UPDATED");
    }

    @Test
    void redeliveryWritesNothingTwice() {
        String body = withGroupKey("firing-two-pods.json", "redelivery");
        UUID id = UUID.fromString(client.post(body).json().get("incidentId").stringValue());
        List<String> kinds = db.timelineKinds(id);
        for (int i = 0; i < 3; i++) {
            assertThat(client.post(body).json().get("outcome").stringValue()).isEqualTo("UPDATED");
        }
        assertThat(db.incidentsOf(groupKey(body))).containsExactly(id);
        assertThat(db.alertsOf(id)).hasSize(2);
        assertThat(db.timelineKinds(id)).isEqualTo(kinds);
        assertThat(db.duplicateTimelineEntries(id)).isZero();
    }

    @Test
    void aLateFiringRedeliveryDoesNotBringAResolvedAlertBack() {
        String firing = withGroupKey("firing-two-pods.json", "late");
        UUID id = UUID.fromString(client.post(firing).json().get("incidentId").stringValue());
        client.post(withGroupKey("one-pod-resolved.json", "late"));
        client.post(firing); // delivered again after a timeout, arriving late
        assertThat(db.alertsOf(id))
                .extracting(a -> a.get("fingerprint") + "=" + a.get("status"))
                .containsExactly("6bee3bd1bf1e1b8e=resolved", "a905de48bcd1542f=firing");
        assertThat(db.timelineKinds(id))
                .filteredOn(TimelineKinds.ALERT_FIRING::equals)
                .hasSize(2);

        client.post(firing.replace("2026-11-28T04:57:14Z", "2026-11-28T05:20:00Z")); // a real relapse starts later
        assertThat(db.alertsOf(id))
                .extracting(a -> a.get("fingerprint") + "=" + a.get("status"))
                .containsExactly("6bee3bd1bf1e1b8e=firing", "a905de48bcd1542f=firing");
        assertThat(db.timelineKinds(id))
                .filteredOn(TimelineKinds.ALERT_FIRING::equals)
                .hasSize(3);
    }

    @Test
    void resolvedWithoutAnOpenIncidentIsRecordedAndOpensNothing() {
        String body = withGroupKey("group-resolved.json", "orphan");
        long incidentsBefore = db.count("incident");
        Answer answer = client.post(body);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("outcome").stringValue()).isEqualTo("IGNORED_NO_OPEN_INCIDENT");
        assertThat(answer.json().has("incidentId")).isFalse();
        assertThat(db.count("incident")).isEqualTo(incidentsBefore);
        assertThat(db.outcomesOf(groupKey(body))).containsExactly("IGNORED_NO_OPEN_INCIDENT");
    }

    @Test
    void firingAfterTheGroupResolvedOpensANewIncident() {
        String firing = withGroupKey("firing-two-pods.json", "relapse");
        Answer first = client.post(firing);
        client.post(withGroupKey("group-resolved.json", "relapse"));
        Answer second = client.post(firing.replace("2026-11-28T04:57:14Z", "2026-11-28T05:30:00Z"));
        assertThat(second.json().get("outcome").stringValue()).isEqualTo("OPENED");
        assertThat(second.json().get("incidentNumber").longValue())
                .isGreaterThan(first.json().get("incidentNumber").longValue());
        List<UUID> all = db.incidentsOf(groupKey(firing));
        assertThat(all).hasSize(2);
        assertThat(db.status(all.get(0))).isEqualTo("RESOLVED");
        assertThat(db.status(all.get(1))).isEqualTo("TRIGGERED");
    }

    @Test
    void badBodiesGet4xxJsonAndWriteNothing() {
        long incidentsBefore = db.count("incident");
        long notificationsBefore = db.count("alert_notification");
        String good = withGroupKey("firing-two-pods.json", "bad");
        Map<String, Integer> cases = Map.of(
                "{not json",
                400,
                good.replace("\"version\":\"4\"", "\"version\":\"3\""),
                400,
                good.replace("\"groupKey\":", "\"groupKeyX\":"),
                400,
                good.replace("\"fingerprint\":\"6bee3bd1bf1e1b8e\"", "\"fingerprint\":\"\""),
                400,
                good.replace("\"startsAt\":\"2026-11-28T04:57:14Z\"", "\"startsAt\":\"soon\""),
                400,
                "",
                400);
        assertThat(good).contains("\"version\":\"4\"").contains("\"fingerprint\":\"6bee3bd1bf1e1b8e\"");
        cases.forEach((body, status) -> {
            Answer answer = client.post(body);
            assertThat(answer.status())
                    .as(body.length() > 40 ? body.substring(0, 40) : body)
                    .isEqualTo(status);
            assertThat(answer.json().get("status").intValue()).isEqualTo(status);
            assertThat(answer.json().get("message").stringValue()).isNotBlank();
            assertThat(answer.body()).doesNotContain("Exception").doesNotContain("at dev.firebreak");
        });
        assertThat(db.count("incident")).isEqualTo(incidentsBefore);
        assertThat(db.count("alert_notification")).isEqualTo(notificationsBefore);
    }

    @Test
    void overLimitBodiesGet413WithOrWithoutContentLength() throws Exception {
        long notificationsBefore = db.count("alert_notification");
        String big = withGroupKey("firing-two-pods.json", "big")
                .replace("\"summary\":\"Checkout 5xx ratio above 5%\"}", "\"summary\":\"" + "x".repeat(70_000) + "\"}");
        Answer declared = client.post(big);
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.json().get("error").stringValue()).isEqualTo("too_large");

        HttpRequest chunked = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/alertmanager"))
                .header("Authorization", WebhookClient.BEARER)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes())))
                .build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("\"too_large\"");
        assertThat(db.count("alert_notification")).isEqualTo(notificationsBefore);
    }

    @Test
    void untrustedLabelTextIsStoredAsItCame() {
        String longService = "svc-" + "y".repeat(400);
        String body = withGroupKey("behaviour/02-firing-bearer.json", "untrusted");
        com.fasterxml.jackson.annotation.JsonInclude.Include.class.getName(); // keep import set stable
        tools.jackson.databind.node.ObjectNode root =
                (tools.jackson.databind.node.ObjectNode) WebhookClient.JSON.readTree(body);
        ((tools.jackson.databind.node.ObjectNode) root.get("commonLabels")).put("service", longService);
        ((tools.jackson.databind.node.ObjectNode) root.get("alerts").get(0).get("labels"))
                .put("note", "<!channel> *x* `y` 🚨");
        Answer answer = client.post(WebhookClient.JSON.writeValueAsString(root));
        assertThat(answer.status()).isEqualTo(200);
        UUID id = UUID.fromString(answer.json().get("incidentId").stringValue());
        assertThat(incidents.findById(id).orElseThrow().getService()).isEqualTo(longService);
        String labels = jdbc.queryForObject("select labels from alert where incident_id = ?", String.class, id);
        assertThat(WebhookClient.JSON.readTree(labels).get("note").stringValue())
                .isEqualTo("<!channel> *x* `y` 🚨");
    }

    @Test
    void metricsShowAtThePrometheusEndpoint() {
        client.post(withGroupKey("firing-two-pods.json", "metrics"));
        client.post(withGroupKey("group-resolved.json", "metrics"));
        client.post("{}", "Bearer nope");
        client.post("{]");
        String scrape = client.get("/actuator/prometheus").body();
        assertThat(scrape)
                .containsPattern("firebreak_webhooks_received_total\\{[^}]*source=\"alertmanager\"[^}]*} [1-9]")
                .containsPattern("firebreak_webhooks_rejected_total\\{reason=\"auth\",source=\"alertmanager\"} [1-9]")
                .containsPattern(
                        "firebreak_webhooks_rejected_total\\{reason=\"malformed\",source=\"alertmanager\"} [1-9]")
                .containsPattern("firebreak_alerts_ingested_total(\\{[^}]*})? [1-9]")
                .containsPattern("firebreak_incidents_opened_total\\{severity=\"SEV2\"} [1-9]")
                .containsPattern("firebreak_incidents_resolved_total\\{severity=\"SEV2\"} [1-9]")
                .contains("firebreak_webhook_ingest_seconds_bucket");
    }
}
