package dev.firebreak.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.firebreak.FirebreakApplication;
import dev.firebreak.incident.Actor;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentManagement;
import dev.firebreak.incident.IncidentSource;
import dev.firebreak.incident.NewIncident;
import dev.firebreak.incident.Severity;
import dev.firebreak.support.TestDatabase;
import dev.firebreak.timeline.Timeline;
import dev.firebreak.timeline.TimelineKinds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Engines on one database (H2, or PostgreSQL under -Ppostgres): one engine is stopped between two steps or killed
 * inside a step; another one resumes the run from the journal, or stops it as interrupted when the step changes
 * things. Two engines racing over many runs execute every step exactly once. Claims are live in database time.
 */
class RunbookCrashTest {

    static final TargetServer TARGET = start();
    static String folder;
    static Map<String, String> db;

    static TargetServer start() {
        try {
            return new TargetServer();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static {
        runbooks();
    }

    static void runbooks() {
        String base = TARGET.url();
        folder = TestRunbooks.folder(Map.of(
                "two-changes", """
                        id: two-changes
                        title: Two changes in a row
                        steps:
                          - id: one
                            type: http.request
                            with:
                              url: 'BASE/one/{{ run.id }}'
                              method: POST
                          - id: two
                            type: http.request
                            with:
                              url: 'BASE/two/{{ run.id }}'
                              method: POST
                        """.replace("BASE", base),
                "slow-change", """
                        id: slow-change
                        title: A change that hangs
                        steps:
                          - id: change
                            type: http.request
                            timeout: 3s
                            with:
                              url: 'BASE/slow/change/{{ run.id }}'
                              method: POST
                          - id: after
                            type: http.request
                            with:
                              url: 'BASE/after/{{ run.id }}'
                              method: POST
                        """.replace("BASE", base),
                "slow-read", """
                        id: slow-read
                        title: A read that hangs
                        steps:
                          - id: read
                            type: http.request
                            timeout: 3s
                            with:
                              url: 'BASE/slow/read/{{ run.id }}'
                          - id: after
                            type: http.request
                            with:
                              url: 'BASE/after/{{ run.id }}'
                              method: POST
                        """.replace("BASE", base)));
        db = TestDatabase.properties();
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext app : new ConfigurableApplicationContext[] {a, b}) {
            if (app != null) {
                app.close();
            }
        }
        TARGET.close();
    }

    static ConfigurableApplicationContext app(boolean engine) {
        Map<String, Object> props = new HashMap<>(db);
        props.put("firebreak.test.shared-datasource", "true");
        props.put("server.port", "0");
        props.put("firebreak.outbox.enabled", "false");
        props.put("firebreak.runbooks.engine", Boolean.toString(engine));
        props.put("firebreak.runbooks.poll-interval", "50ms");
        props.put("firebreak.runbooks.lease", "1s");
        props.put("firebreak.runbooks.library", "false");
        props.put("firebreak.runbooks.path", folder);
        props.put("firebreak.runbooks.http.allowed-hosts", "127.0.0.1");
        props.put("firebreak.runbooks.http.allowed-networks", "127.0.0.0/8");
        String[] args = props.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(FirebreakApplication.class).run(args);
    }

    static long run(ConfigurableApplicationContext app, String runbook) {
        Incident incident = app.getBean(IncidentManagement.class)
                .open(
                        NewIncident.declared("Crash test " + runbook, null, Severity.SEV3, IncidentSource.API),
                        Actor.api("test"));
        return app.getBean(RunbookRuns.class)
                .start(incident, new StartRequest(runbook, Map.of(), false, Actor.api("test"), "api"))
                .id();
    }

    static RunView view(ConfigurableApplicationContext app, long runId) {
        return app.getBean(RunbookRuns.class).find(runId).orElseThrow();
    }

    static ConfigurableApplicationContext a;
    static ConfigurableApplicationContext b;

    @BeforeAll
    static void apps() {
        a = app(true);
        b = app(true);
    }

    @AfterEach
    void bothEnginesRunAgain() {
        TARGET.release();
        engine(a).revive();
        engine(b).revive();
    }

    static RunbookEngine engine(ConfigurableApplicationContext app) {
        return app.getBean(RunbookEngine.class);
    }

    @Test
    void stoppedBetweenStepsAnotherEngineResumesWithTheNextStepAndNothingRunsTwice() {
        engine(a).stop();
        engine(b).stop();
        long runId = run(a, "two-changes");
        assertThat(engine(a).advanceOneStep(runId)).isTrue();
        assertThat(TARGET.requests("/one/" + runId)).hasSize(1);
        assertThat(TARGET.requests("/two/" + runId)).isEmpty();
        assertThat(view(a, runId).steps())
                .extracting(s -> s.id() + "=" + s.status())
                .containsExactly("one=SUCCEEDED");
        // The process stops after the first step was journaled; the other replica carries on.
        engine(b).start();
        RunView run = awaitFinal(b, runId);
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(TARGET.requests("/one/" + runId)).hasSize(1);
        assertThat(TARGET.requests("/two/" + runId)).hasSize(1);
        assertThat(run.steps())
                .extracting(s -> s.id() + "=" + s.status())
                .containsExactly("one=SUCCEEDED", "two=SUCCEEDED");
    }

    @Test
    void killedInsideAChangingStepTheRunStopsInterruptedWithATimelineEntryAndTheStepIsNotRepeated() {
        TARGET.hold();
        engine(b).stop();
        long runId = run(a, "slow-change");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> TARGET.requests("/slow/change/" + runId).size() == 1);
        engine(a).halt(); // dies while the change is in flight: nothing more is written, the claim is not released
        engine(b).start();
        RunView run = awaitFinal(b, runId);
        assertThat(run.status()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(run.steps()).extracting(s -> s.id() + "=" + s.status()).containsExactly("change=INTERRUPTED");
        assertThat(TARGET.requests("/slow/change/" + runId)).hasSize(1);
        assertThat(TARGET.requests("/after/" + runId)).isEmpty();
        assertThat(b.getBean(Timeline.class).of(run.incidentId()))
                .filteredOn(e -> TimelineKinds.RUNBOOK_STEP.equals(e.getKind()))
                .anyMatch(e -> e.getText().contains("interrupted: step change (http.request) was running"));
    }

    @Test
    void killedInsideAnIdempotentStepAnotherEngineRunsItAgainAndGoesOn() {
        TARGET.hold();
        engine(b).stop();
        long runId = run(a, "slow-read");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> TARGET.requests("/slow/read/" + runId).size() == 1);
        engine(a).halt();
        TARGET.release();
        engine(b).start();
        RunView run = awaitFinal(b, runId);
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(TARGET.requests("/slow/read/" + runId)).hasSize(2);
        assertThat(TARGET.requests("/after/" + runId)).hasSize(1);
    }

    @Test
    void aClaimIsLiveInDatabaseTimeSoAnEngineWhoseClockRunsAheadWaitsForItToExpire() {
        engine(a).stop();
        engine(b).stop();
        long runId = run(a, "two-changes");
        RunJournal journal = a.getBean(RunJournal.class);
        assertThat(journal.claim(runId, "engine-that-dies", Duration.ofSeconds(1)))
                .isTrue();
        assertThat(journal.due(java.time.Instant.now().plus(Duration.ofMinutes(10)), 100))
                .as("not due for an engine whose clock is ten minutes ahead while the claim is live")
                .doesNotContain(runId);
        assertThat(journal.claim(runId, "engine-ahead", Duration.ofMinutes(1))).isFalse();
        engine(b).start();
        RunView run = awaitFinal(b, runId);
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(TARGET.requests("/one/" + runId)).hasSize(1);
        assertThat(TARGET.requests("/two/" + runId)).hasSize(1);
    }

    @Test
    void twoEnginesOnOneDatabaseRunEveryStepOfEveryRunExactlyOnce() {
        List<Long> runs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            runs.add(run(i % 2 == 0 ? a : b, "two-changes"));
        }
        for (long runId : runs) {
            assertThat(awaitFinal(a, runId).status()).isEqualTo(RunStatus.SUCCEEDED);
        }
        for (long runId : runs) {
            assertThat(TARGET.requests("/one/" + runId)).as("run " + runId).hasSize(1);
            assertThat(TARGET.requests("/two/" + runId)).as("run " + runId).hasSize(1);
        }
    }

    static RunView awaitFinal(ConfigurableApplicationContext app, long runId) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> view(app, runId).status().isFinal());
        return view(app, runId);
    }
}
