package dev.firebreak.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.incident.Actor;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentManagement;
import dev.firebreak.incident.IncidentSource;
import dev.firebreak.incident.NewIncident;
import dev.firebreak.incident.Severity;
import dev.firebreak.support.FirebreakTest;
import dev.firebreak.support.MutableClock;
import dev.firebreak.support.TestClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

@FirebreakTest(
        properties = {
            "firebreak.alertmanager.bearer-token=am-token",
            "firebreak.api.token=test-token",
            "firebreak.outbox.enabled=false"
        })
@Import(TestClock.class)
class TimelineApiTest {

    static final Instant T0 = TestClock.T0;

    @Autowired
    IncidentManagement incidents;

    @Autowired
    MutableClock clock;

    @LocalServerPort
    int port;

    ApiClient api;
    Incident incident;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        clock.set(T0);
        incident = incidents.open(
                NewIncident.declared("Queue backlog", null, Severity.SEV3, IncidentSource.API), Actor.api("t"));
    }

    String path() {
        return "/api/incidents/" + incident.reference() + "/timeline";
    }

    @Test
    void entriesComeInOccurredThenRecordedThenIdOrder() throws Exception {
        clock.advance(Duration.ofMinutes(10));
        // occurred before the incident was opened: sorts first
        assertThat(api.post(path(), "{\"text\":\"first symptom\",\"occurredAt\":\"2026-11-28T03:55:00Z\"}")
                        .statusCode())
                .isEqualTo(201);
        clock.advance(Duration.ofSeconds(1));
        assertThat(api.post(path(), "{\"text\":\"same time, recorded later\",\"occurredAt\":\"2026-11-28T03:55:00Z\"}")
                        .statusCode())
                .isEqualTo(201);
        assertThat(api.post(
                                path(),
                                "{\"text\":\"same time, same recording, higher id\",\"occurredAt\":\"2026-11-28T03:55:00Z\"}")
                        .statusCode())
                .isEqualTo(201);
        HttpResponse<String> created = api.post(path(), "{\"text\":\"now\",\"link\":\"https://grafana.example/d/1\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode entry = ApiClient.json(created);
        assertThat(entry.get("kind").asString()).isEqualTo("note");
        assertThat(entry.get("actor").asString()).isEqualTo("api");
        assertThat(entry.get("occurredAt").asString()).isEqualTo("2026-11-28T04:10:01Z");
        assertThat(entry.get("link").asString()).isEqualTo("https://grafana.example/d/1");

        for (String ref : List.of(
                incident.reference(),
                String.valueOf(incident.getNumber()),
                incident.getId().toString())) {
            HttpResponse<String> list = api.get("/api/incidents/" + ref + "/timeline");
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(texts(ApiClient.json(list)))
                    .containsExactly(
                            "first symptom",
                            "same time, recorded later",
                            "same time, same recording, higher id",
                            "INC-" + incident.getNumber() + " opened (SEV3, from api): Queue backlog",
                            "now");
        }
        JsonNode first = ApiClient.json(api.get(path())).get(0);
        assertThat(first.get("recordedAt").asString()).isEqualTo("2026-11-28T04:10:00Z");
        assertThat(first.has("supersededBy")).isTrue();
        assertThat(api.get("/api/incidents/INC-999999/timeline").statusCode()).isEqualTo(404);
    }

    @Test
    void aCorrectionSupersedesWithoutDeleting() throws Exception {
        long wrong = ApiClient.json(api.post(path(), "{\"text\":\"Deploy at 04:50\"}"))
                .get("id")
                .asLong();
        HttpResponse<String> fix = api.post(path(), "{\"text\":\"Deploy at 04:48\",\"supersedes\":" + wrong + "}");
        assertThat(fix.statusCode()).isEqualTo(201);
        JsonNode correction = ApiClient.json(fix);
        assertThat(correction.get("kind").asString()).isEqualTo("correction");
        assertThat(correction.get("supersedes").asLong()).isEqualTo(wrong);

        JsonNode all = ApiClient.json(api.get(path()));
        JsonNode old = find(all, wrong);
        assertThat(old.get("text").asString()).isEqualTo("Deploy at 04:50");
        assertThat(old.get("supersededBy").asLong())
                .isEqualTo(correction.get("id").asLong());
        JsonNode current = ApiClient.json(api.get(path() + "?includeSuperseded=false"));
        assertThat(texts(current)).contains("Deploy at 04:48").doesNotContain("Deploy at 04:50");

        Incident other =
                incidents.open(NewIncident.declared("Other", null, Severity.SEV4, IncidentSource.API), Actor.api("t"));
        HttpResponse<String> cross = api.post(
                "/api/incidents/" + other.reference() + "/timeline",
                "{\"text\":\"sneaky\",\"supersedes\":" + wrong + "}");
        assertThat(cross.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(cross).get("message").asString()).contains("no timeline entry " + wrong);
        assertThat(api.post(path(), "{\"text\":\"nope\",\"supersedes\":987654321}")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void badInputIsA400WithAJsonBodyAndWritesNothing() throws Exception {
        int before = ApiClient.json(api.get(path())).size();
        List<String> bad = List.of(
                "{\"text\":\"   \"}",
                "{}",
                "{\"text\":\"x\",\"link\":\"javascript:alert(1)\"}",
                "{\"text\":\"x\",\"link\":\"ftp://files.example/x\"}",
                "{\"text\":\"x\",\"link\":\"https://exa mple.com\"}",
                "{\"text\":\"x\",\"kind\":\"incident.status\"}",
                "{\"text\":\"x\",\"occurredAt\":\"2027-01-01T00:00:00Z\"}",
                "{\"text\":\"x\",\"occurredAt\":\"yesterday\"}",
                "{\"text\":\"" + "y".repeat(10_001) + "\"}",
                "not json",
                "");
        for (String body : bad) {
            HttpResponse<String> r = api.post(path(), body);
            assertThat(r.statusCode())
                    .as(body.length() > 60 ? body.substring(0, 60) : body)
                    .isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("json");
            assertThat(ApiClient.json(r).get("error").asString()).isEqualTo("bad_request");
        }
        assertThat(api.post("/api/incidents/INC-999999/timeline", "{\"text\":\"x\"}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(ApiClient.json(api.get(path())).size()).isEqualTo(before);
    }

    @Test
    void aRetriedPostWithTheSameIdempotencyKeyAddsOneEntry() throws Exception {
        HttpResponse<String> first = api.post(path(), "{\"text\":\"Paged DBA\"}", "req-1");
        HttpResponse<String> again = api.post(path(), "{\"text\":\"Paged DBA\"}", "req-1");
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(again).get("id").asLong())
                .isEqualTo(ApiClient.json(first).get("id").asLong());
        assertThat(api.post(path(), "{\"text\":\"Paged DBA\"}", "req-2").statusCode())
                .isEqualTo(201);
        assertThat(texts(ApiClient.json(api.get(path()))).stream().filter("Paged DBA"::equals))
                .hasSize(2);
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get("text").asString()));
        return out;
    }

    static JsonNode find(JsonNode array, long id) {
        for (JsonNode n : array) {
            if (n.get("id").asLong() == id) {
                return n;
            }
        }
        throw new AssertionError("no entry " + id);
    }
}
