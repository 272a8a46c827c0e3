package dev.firebreak.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.support.FirebreakTest;
import dev.firebreak.support.HttpTestClient;
import dev.firebreak.support.HttpTestClient.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 9, defect 1: a NUL character (valid JSON {@code \u0000}) in an alert, a note, a declared title or a
 * status reason made PostgreSQL refuse the write (500, and Alertmanager re-sends forever); a startsAt in year
 * -5000 gave 500 on PostgreSQL and 200 on H2. Now: NUL is stored as U+FFFD everywhere, impossible times are a
 * 400 on both databases. Run with -Ppostgres to reproduce the original failure.
 */
@FirebreakTest(properties = {"firebreak.alertmanager.bearer-token=am-token", "firebreak.api.token=test-token"})
class NulAndImpossibleTimesTest {

    static final String NUL = "\\u0000"; // as it appears in the JSON text

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void alertWithNulInLabelsAnnotationsAndGroupKeyOpensAnIncident() throws Exception {
        String body = fixture()
                .replace("\"pod\": \"checkout-7d9f8-abcde\"", "\"pod\": \"checkout" + NUL + "-abcde\"")
                .replace("\"summary\": \"Checkout 5xx ratio above 5%\"", "\"summary\": \"Checkout" + NUL + " 5xx\"")
                .replace("\"alertname\": \"HighErrorRate\"", "\"alertname\": \"High" + NUL + "ErrorRate\"")
                .replace("\"groupKey\": \"", "\"groupKey\": \"nul" + NUL);
        Response r = webhook().send("/webhooks/alertmanager", "POST", "application/json", body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("outcome").stringValue()).isEqualTo("OPENED");
        String incident = r.json().get("incidentId").stringValue();

        List<Map<String, Object>> alerts = jdbc.queryForList(
                "SELECT alertname, labels, annotations FROM alert WHERE incident_id = ?",
                java.util.UUID.fromString(incident));
        assertThat(alerts).hasSize(2);
        assertThat(alerts).extracting(a -> (String) a.get("alertname")).containsOnly("High\uFFFDErrorRate");
        String title = jdbc.queryForObject(
                "SELECT title FROM incident WHERE id = ?", String.class, java.util.UUID.fromString(incident));
        assertThat(title).doesNotContain("\u0000");
        assertThat(jdbc.queryForList(
                        "SELECT text FROM timeline_entry WHERE incident_id = ?",
                        String.class,
                        java.util.UUID.fromString(incident)))
                .isNotEmpty()
                .noneMatch(t -> t.contains("\u0000"));

        // A redelivery is the same notification: deduplicated, not a second incident.
        Response again = webhook().send("/webhooks/alertmanager", "POST", "application/json", body);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("outcome").stringValue()).isEqualTo("UPDATED");
        assertThat(again.json().get("incidentId").stringValue()).isEqualTo(incident);
    }

    @Test
    void notesDeclaredTitlesAndReasonsWithNulAreStored() {
        HttpTestClient api = HttpTestClient.on(port).bearer("test-token");
        Response declared = api.post(
                "/api/incidents",
                "{\"title\":\"Broken" + NUL + "title\",\"summary\":\"s" + NUL + "\",\"severity\":\"SEV3\"}");
        assertThat(declared.status()).as(declared.body()).isEqualTo(201);
        assertThat(declared.json().get("title").stringValue()).isEqualTo("Broken\uFFFDtitle");
        String ref = declared.json().get("reference").stringValue();

        Response note = api.post("/api/incidents/" + ref + "/timeline", "{\"text\":\"a" + NUL + "b\"}");
        assertThat(note.status()).as(note.body()).isEqualTo(201);
        assertThat(note.json().get("text").stringValue()).isEqualTo("a\uFFFDb");

        Response resolved = api.post(
                "/api/incidents/" + ref + "/status", "{\"status\":\"RESOLVED\",\"reason\":\"fixed" + NUL + "\"}");
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        assertThat(api.get("/api/incidents/" + ref + "/timeline").body()).contains("fixed\uFFFD");
    }

    @Test
    void impossibleTimesAreA400OnEveryDatabase() throws Exception {
        for (String time : List.of("-5000-01-01T00:00:00Z", "+12000-01-01T00:00:00Z")) {
            String body = fixture()
                    .replace("\"startsAt\": \"2026-11-28T04:57:14Z\"", "\"startsAt\": \"" + time + "\"")
                    .replace("\"groupKey\": \"", "\"groupKey\": \"times" + time);
            Response r = webhook().send("/webhooks/alertmanager", "POST", "application/json", body);
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.json().get("error").stringValue()).isEqualTo("invalid_payload");
            assertThat(r.json().get("message").stringValue())
                    .contains("startsAt must be between 0001-01-01 and 9999-12-31");
        }
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM alert_notification WHERE group_key LIKE 'times%'", Long.class))
                .isZero();

        HttpTestClient api = HttpTestClient.on(port).bearer("test-token");
        String ref = api.post("/api/incidents", "{\"title\":\"Old note\",\"severity\":\"SEV4\"}")
                .json()
                .get("reference")
                .stringValue();
        Response old = api.post(
                "/api/incidents/" + ref + "/timeline",
                "{\"text\":\"ancient\",\"occurredAt\":\"-5000-01-01T00:00:00Z\"}");
        assertThat(old.status()).as(old.body()).isEqualTo(400);
        assertThat(old.json().get("message").stringValue()).contains("occurredAt must be between");
    }

    private HttpTestClient webhook() {
        return HttpTestClient.on(port).bearer("am-token");
    }

    static String fixture() throws Exception {
        return new String(
                new ClassPathResource("fixtures/alertmanager/firing-two-pods.json")
                        .getInputStream()
                        .readAllBytes(),
                StandardCharsets.UTF_8);
    }
}
