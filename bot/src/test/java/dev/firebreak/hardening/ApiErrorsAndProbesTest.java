package dev.firebreak.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.firebreak.support.FirebreakTest;
import dev.firebreak.support.HttpTestClient;
import dev.firebreak.support.HttpTestClient.Response;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 9, defect 8 and "Also": every error is JSON in the documented shape (also those Tomcat answers before
 * Spring MVC), no Java types in messages, JSON-only webhook (415), paged alerts and timeline, refused requests
 * counted, readiness answering within 1 s during a database outage.
 */
@FirebreakTest(
        properties = {
            "firebreak.alertmanager.bearer-token=am-token",
            "firebreak.api.token=test-token",
            "firebreak.outbox.enabled=false",
            "spring.datasource.hikari.minimum-idle=0"
        })
class ApiErrorsAndProbesTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Test
    void pathsTomcatRefusesGetJsonErrors() throws Exception {
        for (String path : new String[] {"/api/incidents/INC-1%2fx", "/api/incidents/INC-1%00", "/api/%2e%2e/x%2F"}) {
            RawAnswer r = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer test-token\r\n"
                    + "Connection: close\r\n\r\n");
            assertThat(r.status).as(path + " " + r.body).isBetween(400, 499);
            assertThat(r.head.toLowerCase()).as(r.head).contains("content-type: application/json");
            JsonNode json = JSON.readTree(r.body);
            assertThat(json.get("status").intValue()).isEqualTo(r.status);
            assertThat(json.get("error").stringValue()).isNotBlank();
            assertThat(json.get("message").stringValue()).isNotBlank();
        }
    }

    @Test
    void parameterAndBodyErrorsNameNoJavaTypes() {
        HttpTestClient api = HttpTestClient.on(port).bearer("test-token");
        for (Response r : new Response[] {
            api.get("/api/incidents?page=99999999999"),
            api.get("/api/incidents?size=abc"),
            api.post("/api/incidents", "{\"title\": [1,2], \"severity\": {}}"),
            api.post("/api/incidents", "{not json"),
            api.get("/api/incidents/INC-1/alerts?page=-1")
        }) {
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.json().get("error").stringValue()).isEqualTo("bad_request");
            assertThat(r.body())
                    .doesNotContain("java.")
                    .doesNotContain("dev.firebreak")
                    .doesNotContain("Exception");
        }
        Response unknown = HttpTestClient.on(port).get("/no/such/thing");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("status").intValue()).isEqualTo(404);
    }

    @Test
    void webhookAcceptsOnlyJsonAndCountsRefusals() throws Exception {
        String body = NulAndImpossibleTimesTest.fixture();
        HttpTestClient webhook = HttpTestClient.on(port).bearer("am-token");
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", null}) {
            Response r = webhook.send("/webhooks/alertmanager", "POST", type, body);
            assertThat(r.status()).as(type + " " + r.body()).isEqualTo(415);
            assertThat(r.json().get("error").stringValue()).isEqualTo("unsupported_media_type");
        }
        assertThat(webhook.send("/webhooks/alertmanager", "POST", "application/json; charset=utf-8", body)
                        .status())
                .isEqualTo(200);

        for (int i = 0; i < 3; i++) {
            assertThat(HttpTestClient.on(port)
                            .bearer("wrong")
                            .post("/webhooks/alertmanager", body)
                            .status())
                    .isEqualTo(401);
        }
        assertThat(HttpTestClient.on(port).get("/actuator/prometheus").body())
                .containsPattern(
                        "firebreak_http_refused_total\\{endpoint=\"/webhooks/alertmanager\",reason=\"auth\"} [3-9]");
    }

    @Test
    void alertsAndTimelineArePaged() throws Exception {
        Response opened = HttpTestClient.on(port)
                .bearer("am-token")
                .post(
                        "/webhooks/alertmanager",
                        NulAndImpossibleTimesTest.fixture().replace("\"groupKey\": \"", "\"groupKey\": \"paged/"));
        String ref = opened.json().get("incident").stringValue();
        HttpTestClient api = HttpTestClient.on(port).bearer("test-token");

        JsonNode first = api.get("/api/incidents/" + ref + "/alerts?size=1").json();
        assertThat(first.get("items")).hasSize(1);
        assertThat(first.get("total").longValue()).isEqualTo(2);
        assertThat(first.get("firingAlertCount").longValue()).isEqualTo(2);
        JsonNode second =
                api.get("/api/incidents/" + ref + "/alerts?size=1&page=1").json();
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.get("items").get(0).get("fingerprint"))
                .isNotEqualTo(first.get("items").get(0).get("fingerprint"));
        assertThat(api.get("/api/incidents/" + ref + "/alerts?size=1001").status())
                .isEqualTo(400);

        Response timeline = api.get("/api/incidents/" + ref + "/timeline?size=2");
        assertThat(timeline.json()).hasSize(2);
        long total = Long.parseLong(timeline.header("X-Total-Count"));
        assertThat(total).isGreaterThan(2);
        assertThat(timeline.header("Link")).contains("page=1&size=2").contains("rel=\"next\"");
        assertThat(api.get("/api/incidents/" + ref + "/timeline").json()).hasSize((int) total);
    }

    @Test
    void readinessAnswersWithinOneSecondDuringADatabaseOutage() {
        HikariDataSource hikari = (HikariDataSource) dataSource;
        assertThat(hikari.getConnectionTimeout()).isGreaterThanOrEqualTo(5000); // the pool itself would wait 5 s
        HttpTestClient client = HttpTestClient.on(port);
        assertThat(client.get("/actuator/health/readiness").status()).isEqualTo(200);
        String user = hikari.getUsername();
        try {
            hikari.getHikariConfigMXBean().setUsername("firebreak_no_such_user");
            hikari.getHikariPoolMXBean().softEvictConnections();
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                Response r = client.get("/actuator/health/readiness");
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertThat(r.status()).isEqualTo(503);
                assertThat(millis).as("readiness answered in %d ms", millis).isLessThan(1000);
                assertThat(client.get("/actuator/health/liveness").status()).isEqualTo(200);
            }
        } finally {
            hikari.getHikariConfigMXBean().setUsername(user);
        }
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> client.get("/actuator/health/readiness").status() == 200);
    }

    record RawAnswer(int status, String head, String body) {}

    private RawAnswer raw(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int split = all.indexOf("\r\n\r\n");
            String head = all.substring(0, split);
            String body = all.substring(split + 4);
            if (head.toLowerCase().contains("transfer-encoding: chunked")) {
                body = dechunk(body);
            }
            return new RawAnswer(Integer.parseInt(head.substring(9, 12)), head, body);
        }
    }

    private static String dechunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int pos = 0;
        while (true) {
            int eol = chunked.indexOf("\r\n", pos);
            int size = Integer.parseInt(chunked.substring(pos, eol).strip(), 16);
            if (size == 0) {
                return out.toString();
            }
            out.append(chunked, eol + 2, eol + 2 + size);
            pos = eol + 2 + size + 2;
        }
    }
}
