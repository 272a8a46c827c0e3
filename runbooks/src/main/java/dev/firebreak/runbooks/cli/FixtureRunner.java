package dev.firebreak.runbooks.cli;

import dev.firebreak.runbooks.IncidentContext;
import dev.firebreak.runbooks.Masker;
import dev.firebreak.runbooks.RunbookCatalog;
import dev.firebreak.runbooks.engine.Decision;
import dev.firebreak.runbooks.engine.RunStarter;
import dev.firebreak.runbooks.engine.RunState;
import dev.firebreak.runbooks.engine.RunStatus;
import dev.firebreak.runbooks.engine.RunbookInterpreter;
import dev.firebreak.runbooks.engine.StepRecord;
import dev.firebreak.runbooks.model.Runbook;
import dev.firebreak.runbooks.steps.StepEnvironment;
import dev.firebreak.runbooks.steps.StepRequest;
import dev.firebreak.runbooks.steps.StepResult;
import dev.firebreak.runbooks.steps.StepRunner;
import dev.firebreak.runbooks.steps.StepStatus;
import dev.firebreak.runbooks.steps.StepTypes;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs one fixture case of {@code runbook test}: the incident and alerts of the case, recorded Kubernetes, Prometheus
 * and HTTP answers, approvals answered as the case says, time advanced instead of waited; always a dry run, so changing
 * steps record what they would send. Returns the problems found (empty: the case passed).
 */
final class FixtureRunner {

    private static final int MAX_DECISIONS = 2000;

    private final StepTypes types;

    FixtureRunner(StepTypes types) {
        this.types = types;
    }

    /** What happened in a case run, for the expectations and the report. */
    record Outcome(
            boolean matched,
            String refusal,
            RunStatus status,
            String reason,
            Map<String, StepRecord> steps,
            Map<String, StepResult> results,
            List<String> posts,
            List<String> notes) {}

    Outcome run(Runbook rb, FixtureCase c) throws IOException {
        IncidentContext incident = c.incident();
        boolean matched = RunbookCatalog.of(List.of(rb)).matching(incident).stream()
                .findAny()
                .isPresent();
        RunStarter.PreparedRun prepared = RunStarter.prepare(rb, incident, c.inputs(), c.requester(), Set.of());
        if (!prepared.ok()) {
            return new Outcome(
                    matched, prepared.refusalMessage(), null, null, Map.of(), Map.of(), List.of(), List.of());
        }
        MutableClock clock = new MutableClock(c.now());
        RecordingEffects effects = new RecordingEffects();
        try (FixtureKubernetes kube = new FixtureKubernetes(c.kubernetes(), c.logs());
                FixturePrometheus prom = new FixturePrometheus(c.prometheus())) {
            Masker masker = new Masker(c.secrets().values());
            StepEnvironment env = new StepEnvironment(
                    kube::client, prom.url(), new RecordedHttp(c.http()), clock, true, effects, masker);
            RunbookInterpreter interpreter = new RunbookInterpreter(types, c.secrets()::get);
            List<StepRecord> journal = new ArrayList<>();
            Map<String, StepResult> results = new LinkedHashMap<>();
            Instant started = clock.instant();
            RunState state = new RunState(
                    "test-run", rb, prepared.inputs(), incident, c.requester(), true, started, false, journal);
            for (int i = 0; i < MAX_DECISIONS; i++) {
                Decision d = interpreter.next(state.withJournal(journal), clock.instant());
                if (d instanceof Decision.Finish f) {
                    return new Outcome(
                            matched,
                            null,
                            f.status(),
                            f.reason(),
                            latest(journal),
                            results,
                            effects.posts,
                            effects.notes);
                } else if (d instanceof Decision.RunStep s) {
                    Instant start = clock.instant();
                    StepResult r = StepRunner.run(
                            types.get(s.step().type()),
                            new StepRequest(
                                    "test-run",
                                    s.step().id(),
                                    s.attempt(),
                                    s.with(),
                                    s.deadline(),
                                    incident,
                                    c.requester()),
                            env);
                    results.put(s.step().id(), r);
                    if (r.planned() != null && c.kubernetesAfterChanges() != null) {
                        kube.replaceObjects(c.kubernetesAfterChanges());
                    }
                    journal.add(StepRecord.of(s.step().id(), s.attempt(), r, start, clock.instant()));
                } else if (d instanceof Decision.MarkStep m) {
                    journal.add(
                            StepRecord.mark(m.stepId(), m.attempt(), m.status(), m.reason(), null, clock.instant()));
                } else if (d instanceof Decision.Sleep s) {
                    clock.set(s.until());
                } else if (d instanceof Decision.AwaitApproval a) {
                    String answer = c.approvals().getOrDefault(a.stepId(), "approve");
                    if (answer.equals("approve")) {
                        journal.add(StepRecord.mark(
                                a.stepId(),
                                a.attempt(),
                                StepStatus.APPROVED,
                                "approved in test",
                                c.approver(),
                                clock.instant()));
                    } else if (answer.equals("deny")) {
                        journal.add(StepRecord.mark(
                                a.stepId(),
                                a.attempt(),
                                StepStatus.DENIED,
                                "denied in test",
                                c.approver(),
                                clock.instant()));
                    } else {
                        clock.set(a.request().deadline());
                    }
                }
            }
            return new Outcome(
                    matched,
                    null,
                    RunStatus.FAILED,
                    "runbook test: more than " + MAX_DECISIONS + " decisions (endless polling?)",
                    latest(journal),
                    results,
                    effects.posts,
                    effects.notes);
        }
    }

    private static Map<String, StepRecord> latest(List<StepRecord> journal) {
        Map<String, StepRecord> m = new LinkedHashMap<>();
        journal.forEach(r -> m.put(r.stepId(), r));
        return m;
    }

    /** A clock the runner moves forward instead of sleeping. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant t) {
            if (t.isAfter(now)) {
                now = t;
            }
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
