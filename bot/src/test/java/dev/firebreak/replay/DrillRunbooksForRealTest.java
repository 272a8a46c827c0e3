package dev.firebreak.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.firebreak.runbook.RunbookEngine;
import dev.firebreak.support.FirebreakTest;
import dev.firebreak.support.HttpTestClient;
import dev.firebreak.support.MutableClock;
import dev.firebreak.support.TestClock;
import dev.firebreak.system.outbox.OutboxWorker;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * {@code firebreak.drills.run-runbooks=true}: a drill incident's runbook, started by its trigger, runs for real (its
 * POST reaches the target) and is not recorded as a dry run; still, it is not counted in the runbook metrics.
 * {@link DrillSafetyTest} has the default (dry runs).
 */
@FirebreakTest(
        properties = {
            "firebreak.outbox.enabled=false",
            "firebreak.api.token=test-token",
            "firebreak.drills.poll-interval=1h",
            "firebreak.drills.run-runbooks=true",
            "firebreak.runbooks.library=false",
            "firebreak.runbooks.http.allowed-hosts=127.0.0.1",
            "firebreak.runbooks.http.allowed-networks=127.0.0.0/8"
        })
@Import(TestClock.class)
class DrillRunbooksForRealTest {

    static final MutableClock CLOCK = TestClock.startingAt(Instant.parse("2026-12-01T06:00:00Z"));
    static final DrillFixtures.Target TARGET = new DrillFixtures.Target();

    @DynamicPropertySource
    static void runbooks(DynamicPropertyRegistry registry) {
        registry.add("firebreak.runbooks.path", () -> DrillFixtures.runbooks(TARGET));
    }

    @LocalServerPort
    int port;

    @Autowired
    DrillPlayer player;

    @Autowired
    OutboxWorker worker;

    @Autowired
    RunbookEngine engine;

    @AfterAll
    static void close() {
        TARGET.close();
    }

    @Test
    void aDrillIncidentRunsItsRunbookForRealWhenAllowed() {
        Map<String, String> before = DrillFixtures.counters(DrillFixtures.guardedSeries(port));
        HttpTestClient api = HttpTestClient.on(port).bearer("test-token");
        HttpTestClient.Response started = api.send(
                "/api/drills?name=real-runbooks&speed=60", "POST", "application/x-ndjson", DrillFixtures.capture());
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        CLOCK.advance(Duration.ofHours(1));
        player.drain();
        worker.drain(50);

        await().atMost(Duration.ofSeconds(20)).until(() -> {
            engine.runDue();
            JsonNode runs = api.get("/api/incidents/DRILL-1/runbook-runs").json();
            return runs.size() == 1
                    && "SUCCEEDED".equals(runs.get(0).path("status").asString());
        });
        JsonNode run = api.get("/api/incidents/DRILL-1/runbook-runs").json().get(0);
        assertThat(run.path("dryRun").booleanValue()).isFalse();
        assertThat(run.path("dryRunReason").isNull()).isTrue();
        assertThat(TARGET.requests).containsExactly("POST /restart restart DRILL-1");
        assertThat(api.get("/api/incidents/DRILL-1/timeline").body()).doesNotContain("dry run");

        HttpTestClient.Response stopped =
                api.send("/api/drills/" + started.json().path("id").asString() + "/stop", "POST", null, "");
        assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
        worker.drain(50);
        assertThat(api.get("/api/incidents/DRILL-1").json().path("status").asString())
                .isEqualTo("RESOLVED");
        assertThat(DrillFixtures.counters(DrillFixtures.guardedSeries(port))).isEqualTo(before);
    }
}
