package dev.firebreak.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.alerting.Alert;
import dev.firebreak.alerting.Alerts;
import dev.firebreak.support.FirebreakTest;
import dev.firebreak.support.HttpTestClient;
import dev.firebreak.timeline.Timeline;
import dev.firebreak.timeline.TimelineEntry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@FirebreakTest(properties = "firebreak.api.token=test-token")
class IncidentApiTest {

    @LocalServerPort
    int port;

    @Autowired
    IncidentManagement management;

    @Autowired
    Incidents incidents;

    @Autowired
    Alerts alerts;

    @Autowired
    Timeline timeline;

    @Autowired
    MeterRegistry meters;

    HttpTestClient api;

    @BeforeEach
    void client() {
        api = HttpTestClient.on(port).bearer("test-token");
    }

    private JsonNode declare(String title, String severity) {
        HttpTestClient.Response r = api.post(
                "/api/incidents",
                "{\"title\":\"" + title + "\",\"summary\":\"by hand\",\"severity\":\"" + severity + "\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    @Test
    void declareAnswers201WithLocationAndTheIncident() {
        HttpTestClient.Response r = api.post(
                "/api/incidents", "{\"title\":\"  Checkout is slow  \",\"summary\":\"p99 4s\",\"severity\":\"sev2\"}");

        assertThat(r.status()).isEqualTo(201);
        JsonNode body = r.json();
        String id = body.path("id").asString();
        assertThat(r.header("Location")).isEqualTo("/api/incidents/" + id);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(body.path("title").asString()).isEqualTo("Checkout is slow");
        assertThat(body.path("summary").asString()).isEqualTo("p99 4s");
        assertThat(body.path("severity").asString()).isEqualTo("SEV2");
        assertThat(body.path("status").asString()).isEqualTo("TRIGGERED");
        assertThat(body.path("source").asString()).isEqualTo("api");
        assertThat(body.path("reference").asString())
                .isEqualTo("INC-" + body.path("number").asLong());
        assertThat(body.path("alertCount").asLong()).isZero();
        assertThat(body.path("openedAt").asString()).endsWith("Z");
        assertThat(Instant.parse(body.path("openedAt").asString())).isNotNull();
        assertThat(body.has("acknowledgedAt")).isTrue();
        assertThat(body.path("acknowledgedAt").isNull()).isTrue();
        JsonNode reread = api.get(r.header("Location")).json();
        assertThat(reread.path("openedAt"))
                .as("times answered on create read back unchanged")
                .isEqualTo(body.path("openedAt"));
        assertThat(reread.path("number")).isEqualTo(body.path("number"));

        Incident stored = incidents.findById(UUID.fromString(id)).orElseThrow();
        assertThat(stored.getSource()).isEqualTo(IncidentSource.API);
        assertThat(timeline.of(stored.getId()))
                .extracting(TimelineEntry::getActor)
                .containsExactly("api");
    }

    @Test
    void declareRejectsBadInputWith4xxJsonAndWritesNothing() {
        long before = incidents.count();
        assertBadRequest(api.post("/api/incidents", "{\"title\":\"   \",\"severity\":\"SEV2\"}"), "title");
        assertBadRequest(api.post("/api/incidents", "{\"severity\":\"SEV2\"}"), "title");
        assertBadRequest(api.post("/api/incidents", "{\"title\":\"x\",\"severity\":\"SEV9\"}"), "severity");
        assertBadRequest(api.post("/api/incidents", "{\"title\":\"x\"}"), "severity");
        assertBadRequest(
                api.post("/api/incidents", "{\"title\":\"" + "t".repeat(501) + "\",\"severity\":\"SEV2\"}"), "title");
        assertBadRequest(api.post("/api/incidents", "{\"title\":\"x\",\"severity\":"), null);
        assertBadRequest(api.post("/api/incidents", ""), null);
        assertBadRequest(api.post("/api/incidents", "[1,2]"), null);

        HttpTestClient.Response wrongType =
                api.send("/api/incidents", "POST", "text/plain", "{\"title\":\"x\",\"severity\":\"SEV2\"}");
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.json().path("error").asString()).isEqualTo("unsupported_media_type");

        assertThat(incidents.count()).isEqualTo(before);
    }

    private static void assertBadRequest(HttpTestClient.Response r, String mentions) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().path("status").asInt()).isEqualTo(400);
        assertThat(r.json().path("error").asString()).isEqualTo("bad_request");
        if (mentions != null) {
            assertThat(r.json().path("message").asString()).contains(mentions);
        }
    }

    @Test
    void getFindsByUuidNumberAndReference() {
        JsonNode created = declare("Queue backlog", "SEV3");
        String id = created.path("id").asString();
        long number = created.path("number").asLong();

        for (String ref : new String[] {id, String.valueOf(number), "INC-" + number, "inc-" + number}) {
            HttpTestClient.Response r = api.get("/api/incidents/" + ref);
            assertThat(r.status()).as(ref).isEqualTo(200);
            assertThat(r.json().path("id").asString()).isEqualTo(id);
            assertThat(r.json().path("title").asString()).isEqualTo("Queue backlog");
        }
    }

    @Test
    void unknownIncidentsAre404Json() {
        for (String path : new String[] {
            "/api/incidents/999999",
            "/api/incidents/INC-999999",
            "/api/incidents/" + UUID.randomUUID(),
            "/api/incidents/not-a-reference",
            "/api/incidents/999999/alerts"
        }) {
            HttpTestClient.Response r = api.get(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.json().path("error").asString()).isEqualTo("not_found");
        }
        HttpTestClient.Response status = api.post("/api/incidents/999999/status", "{\"status\":\"ACKNOWLEDGED\"}");
        assertThat(status.status()).isEqualTo(404);
        HttpTestClient.Response severity = api.post("/api/incidents/999999/severity", "{\"severity\":\"SEV1\"}");
        assertThat(severity.status()).isEqualTo(404);
    }

    @Test
    void statusFollowsTheLifecycleAndIllegalTransitionsAre409() {
        String ref = declare("Payments failing", "SEV1").path("reference").asString();

        HttpTestClient.Response ack = api.post("/api/incidents/" + ref + "/status", "{\"status\":\"ACKNOWLEDGED\"}");
        assertThat(ack.status()).as(ack.toString()).isEqualTo(200);
        assertThat(ack.json().path("status").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(ack.json().path("acknowledgedAt").isNull()).isFalse();

        HttpTestClient.Response again = api.post("/api/incidents/" + ref + "/status", "{\"status\":\"acknowledged\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("error").asString()).isEqualTo("illegal_transition");

        HttpTestClient.Response unknown = api.post("/api/incidents/" + ref + "/status", "{\"status\":\"DONE\"}");
        assertBadRequest(unknown, "status");
        assertBadRequest(api.post("/api/incidents/" + ref + "/status", "{}"), "status");

        HttpTestClient.Response resolved = api.post(
                "/api/incidents/" + ref + "/status", "{\"status\":\"RESOLVED\",\"reason\":\"rolled back the deploy\"}");
        assertThat(resolved.status()).isEqualTo(200);
        assertThat(resolved.json().path("status").asString()).isEqualTo("RESOLVED");
        assertThat(resolved.json().path("summary").asString()).isEqualTo("rolled back the deploy");
        assertThat(resolved.json().path("resolvedAt").isNull()).isFalse();

        HttpTestClient.Response backwards = api.post("/api/incidents/" + ref + "/status", "{\"status\":\"MITIGATED\"}");
        assertThat(backwards.status()).isEqualTo(409);

        Incident stored = management.require(ref);
        assertThat(stored.getStatus()).isEqualTo(IncidentStatus.RESOLVED);
    }

    @Test
    void severityChanges() {
        String id = declare("Cache misses", "SEV4").path("id").asString();

        HttpTestClient.Response r = api.post("/api/incidents/" + id + "/severity", "{\"severity\":\"SEV2\"}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("severity").asString()).isEqualTo("SEV2");
        assertThat(management.get(UUID.fromString(id)).getSeverity()).isEqualTo(Severity.SEV2);

        assertBadRequest(api.post("/api/incidents/" + id + "/severity", "{\"severity\":\"critical\"}"), "severity");
        assertThat(management.get(UUID.fromString(id)).getSeverity()).isEqualTo(Severity.SEV2);
    }

    @Test
    void patchAppliesAllChangesOrNone() {
        String id = declare("Search down", "SEV3").path("id").asString();

        HttpTestClient.Response both =
                api.patch("/api/incidents/" + id, "{\"severity\":\"SEV1\",\"status\":\"MITIGATED\"}");
        assertThat(both.status()).as(both.toString()).isEqualTo(200);
        assertThat(both.json().path("severity").asString()).isEqualTo("SEV1");
        assertThat(both.json().path("status").asString()).isEqualTo("MITIGATED");

        HttpTestClient.Response illegal =
                api.patch("/api/incidents/" + id, "{\"severity\":\"SEV4\",\"status\":\"ACKNOWLEDGED\"}");
        assertThat(illegal.status()).isEqualTo(409);
        Incident stored = management.get(UUID.fromString(id));
        assertThat(stored.getSeverity())
                .as("severity change rolled back with the illegal transition")
                .isEqualTo(Severity.SEV1);
        assertThat(stored.getStatus()).isEqualTo(IncidentStatus.MITIGATED);

        assertBadRequest(api.patch("/api/incidents/" + id, "{}"), "Nothing to change");
        assertBadRequest(api.patch("/api/incidents/" + id, "{\"severity\":\"SEV0\"}"), "severity");
        assertBadRequest(api.patch("/api/incidents/" + id, "{\"reason\":\"why\"}"), "reason");

        HttpTestClient.Response mergePatch =
                api.send("/api/incidents/" + id, "PATCH", "application/merge-patch+json", "{\"severity\":\"SEV2\"}");
        assertThat(mergePatch.status()).as(mergePatch.toString()).isEqualTo(200);
        assertThat(mergePatch.json().path("severity").asString()).isEqualTo("SEV2");
        assertThat(mergePatch.json().path("status").asString()).isEqualTo("MITIGATED");
    }

    @Test
    void alertsOfAnIncidentWithCountsAndTruncation() {
        NewIncident spec = new NewIncident(
                "KubePodCrashLooping",
                null,
                Severity.SEV2,
                IncidentSource.ALERTMANAGER,
                "{}:{alertname=\"KubePodCrashLooping\",id=\"" + UUID.randomUUID() + "\"}",
                null,
                Map.of("service", "checkout", "cluster", "prod-eu"),
                "http://am.example:9093",
                7);
        Incident incident = management.open(spec, Actor.alertmanager());
        Instant t = Instant.parse("2026-11-28T05:00:00Z");
        alerts.save(new Alert(
                incident.getId(),
                "aaa111",
                Map.of("alertname", "KubePodCrashLooping", "pod", "web-1"),
                Map.of("summary", "Pod web-1 restarting"),
                Alert.FIRING,
                t,
                null,
                "http://prom/graph",
                t));
        alerts.save(new Alert(
                incident.getId(),
                "bbb222",
                Map.of("alertname", "KubePodCrashLooping", "pod", "web-2"),
                Map.of(),
                Alert.RESOLVED,
                t.plusSeconds(30),
                t.plusSeconds(90),
                null,
                t));

        HttpTestClient.Response r = api.get("/api/incidents/" + incident.reference() + "/alerts");
        assertThat(r.status()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.path("incidentId").asString())
                .isEqualTo(incident.getId().toString());
        assertThat(body.path("truncatedAlerts").asInt()).isEqualTo(7);
        assertThat(body.path("firingAlertCount").asInt()).isEqualTo(1);
        assertThat(body.path("items").size()).isEqualTo(2);
        JsonNode first = body.path("items").get(0);
        assertThat(first.path("fingerprint").asString()).isEqualTo("aaa111");
        assertThat(first.path("status").asString()).isEqualTo("firing");
        assertThat(first.path("labels").path("pod").asString()).isEqualTo("web-1");
        assertThat(first.path("annotations").path("summary").asString()).isEqualTo("Pod web-1 restarting");
        assertThat(first.path("startsAt").asString()).isEqualTo("2026-11-28T05:00:00Z");

        JsonNode view = api.get("/api/incidents/" + incident.getId()).json();
        assertThat(view.path("alertCount").asInt()).isEqualTo(2);
        assertThat(view.path("firingAlertCount").asInt()).isEqualTo(1);
        assertThat(view.path("truncatedAlerts").asInt()).isEqualTo(7);
        assertThat(view.path("source").asString()).isEqualTo("alertmanager");
        assertThat(view.path("service").asString()).isEqualTo("checkout");
        assertThat(view.path("cluster").asString()).isEqualTo("prod-eu");
        assertThat(view.path("labels").path("service").asString()).isEqualTo("checkout");
    }

    @Test
    void requestsWithoutTheRightTokenAre401Json() {
        double rejectedBefore = meters.counter("firebreak.api.rejected").count();
        HttpTestClient anonymous = HttpTestClient.on(port);
        for (HttpTestClient client : new HttpTestClient[] {
            anonymous,
            anonymous.bearer("wrong-token"),
            anonymous.bearer("test-token2"),
            anonymous.authorization("Basic dGVzdC10b2tlbjo="),
            anonymous.authorization("test-token"),
            anonymous.authorization("Bearer ")
        }) {
            HttpTestClient.Response list = client.get("/api/incidents");
            assertThat(list.status()).isEqualTo(401);
            assertThat(list.header("WWW-Authenticate")).startsWith("Bearer");
            assertThat(list.json().path("error").asString()).isEqualTo("unauthorized");

            long before = incidents.count();
            HttpTestClient.Response declare = client.post("/api/incidents", "{\"title\":\"x\",\"severity\":\"SEV1\"}");
            assertThat(declare.status()).isEqualTo(401);
            assertThat(incidents.count()).isEqualTo(before);
        }
        assertThat(anonymous.get("/api/nothing-here").status()).isEqualTo(401);
        assertThat(meters.counter("firebreak.api.rejected").count()).isEqualTo(rejectedBefore + 13);
        assertThat(anonymous
                        .authorization("bearer test-token")
                        .get("/api/incidents")
                        .status())
                .isEqualTo(200);
        assertThat(anonymous.get("/actuator/health").status())
                .as("actuator is not behind the API token")
                .isEqualTo(200);
    }
}
