package dev.firebreak.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.support.FirebreakTest;
import dev.firebreak.support.HttpTestClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The list endpoint, on a database of its own (its own context) so counts are exact. */
@FirebreakTest(properties = {"firebreak.api.token=test-token", "firebreak.api.token-name=list-test"})
class IncidentListApiTest {

    @LocalServerPort
    int port;

    @Autowired
    IncidentManagement management;

    @Test
    void filtersAndPagesNewestFirst() {
        HttpTestClient api = HttpTestClient.on(port).bearer("test-token");
        // 12 incidents: severities cycle SEV1..SEV4; every third is acknowledged, #12 resolved.
        List<Incident> made = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            Severity sev = Severity.values()[(i - 1) % 4];
            made.add(management.open(
                    NewIncident.declared("incident " + i, null, sev, IncidentSource.API), Actor.api("t")));
        }
        for (int i = 3; i <= 12; i += 3) {
            management.acknowledge(made.get(i - 1).getId(), Actor.api("t"));
        }
        management.resolve(made.get(11).getId(), Actor.api("t"), "done");

        JsonNode all = api.get("/api/incidents").json();
        assertThat(all.path("total").asLong()).isEqualTo(12);
        assertThat(all.path("page").asInt()).isZero();
        assertThat(all.path("size").asInt()).isEqualTo(50);
        assertThat(titles(all)).first().isEqualTo("incident 12");
        assertThat(titles(all)).last().isEqualTo("incident 1");

        JsonNode page1 = api.get("/api/incidents?page=1&size=5").json();
        assertThat(page1.path("total").asLong()).isEqualTo(12);
        assertThat(page1.path("size").asInt()).isEqualTo(5);
        assertThat(titles(page1)).containsExactly("incident 7", "incident 6", "incident 5", "incident 4", "incident 3");
        JsonNode page2 = api.get("/api/incidents?page=2&size=5").json();
        assertThat(titles(page2)).containsExactly("incident 2", "incident 1");
        JsonNode beyond = api.get("/api/incidents?page=9&size=5").json();
        assertThat(beyond.path("items").size()).isZero();
        assertThat(beyond.path("total").asLong()).isEqualTo(12);

        JsonNode sev1 = api.get("/api/incidents?severity=SEV1").json();
        assertThat(titles(sev1)).containsExactly("incident 9", "incident 5", "incident 1");

        JsonNode sev12Comma = api.get("/api/incidents?severity=sev1,SEV2").json();
        JsonNode sev12Repeated =
                api.get("/api/incidents?severity=SEV1&severity=2").json();
        assertThat(titles(sev12Comma))
                .containsExactly("incident 10", "incident 9", "incident 6", "incident 5", "incident 2", "incident 1");
        assertThat(titles(sev12Repeated)).isEqualTo(titles(sev12Comma));

        JsonNode acked = api.get("/api/incidents?status=ACKNOWLEDGED").json();
        assertThat(titles(acked)).containsExactly("incident 9", "incident 6", "incident 3");
        JsonNode open = api.get("/api/incidents?status=triggered,acknowledged&status=MITIGATED")
                .json();
        assertThat(open.path("total").asLong()).isEqualTo(11);

        JsonNode both =
                api.get("/api/incidents?status=ACKNOWLEDGED&severity=SEV3").json();
        assertThat(titles(both)).containsExactly("incident 3");
        JsonNode resolved = api.get("/api/incidents?status=RESOLVED").json();
        assertThat(titles(resolved)).containsExactly("incident 12");

        for (String bad : new String[] {"status=DONE", "severity=SEV7", "size=0", "size=201", "page=-1", "page=x"}) {
            HttpTestClient.Response r = api.get("/api/incidents?" + bad);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.json().path("error").asString()).isEqualTo("bad_request");
        }
        assertThat(api.get("/api/incidents?size=200").status()).isEqualTo(200);
    }

    private static List<String> titles(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.path("items").forEach(n -> out.add(n.path("title").asString()));
        return out;
    }
}
