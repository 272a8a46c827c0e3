package dev.firebreak.runbooks.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.runbooks.IncidentContext;
import dev.firebreak.runbooks.lang.RunbookParser;
import dev.firebreak.runbooks.model.Runbook;
import dev.firebreak.runbooks.steps.ErrorKind;
import dev.firebreak.runbooks.steps.StepResult;
import dev.firebreak.runbooks.steps.StepStatus;
import dev.firebreak.runbooks.steps.StepTypes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunbookInterpreterTest {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    final RunbookInterpreter interpreter =
            new RunbookInterpreter(StepTypes.standard(), n -> n.equals("tok") ? "s3cret" : null);
    final List<StepRecord> journal = new ArrayList<>();

    static Runbook runbook(String steps) {
        var r = RunbookParser.parse(
                "t.yml",
                "id: t\ntitle: T\ninputs:\n  ns: {default: shop}\npolicy:\n  timeout: 1h\n" + "  approve-by: [U2]\n"
                        + steps);
        assertThat(r.findings()).isEmpty();
        return r.runbook();
    }

    Decision next(Runbook rb, Instant now) {
        return interpreter.next(
                new RunState(
                        "r1",
                        rb,
                        Map.of("ns", "shop"),
                        new IncidentContext("INC-1", "t", "critical", "open", "", Map.of(), List.of()),
                        "U1",
                        false,
                        T0,
                        false,
                        journal),
                now);
    }

    void record(Decision.RunStep s, StepResult r, Instant at) {
        journal.add(StepRecord.running(s.step().id(), s.attempt(), at));
        journal.add(StepRecord.of(s.step().id(), s.attempt(), r, at, at));
    }

    @Test
    void runsStepsInOrderRendersTemplatesAndSkipsWhenFalse() {
        Runbook rb = runbook("""
                steps:
                  - id: a
                    type: timeline.note
                    with: {text: 'ns {{ inputs.ns }} {{ secret("tok") }}'}
                  - id: b
                    type: timeline.note
                    when: 'steps.a.status == "failed"'
                    with: {text: b}
                  - id: c
                    type: kubernetes.scale
                    with: {namespace: '{{ inputs.ns }}', deployment: web, replicas: 3}
                """);
        var a = (Decision.RunStep) next(rb, T0);
        assertThat(a.step().id()).isEqualTo("a");
        assertThat(a.with()).containsEntry("text", "ns shop s3cret");
        assertThat(a.deadline()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
        record(a, StepResult.succeeded(Map.of(), "ok"), T0);
        var b = (Decision.MarkStep) next(rb, T0);
        assertThat(b.stepId()).isEqualTo("b");
        assertThat(b.status()).isEqualTo(StepStatus.SKIPPED);
        journal.add(StepRecord.mark("b", 1, StepStatus.SKIPPED, b.reason(), null, T0));
        var c = (Decision.RunStep) next(rb, T0);
        assertThat(c.with()).containsEntry("replicas", 3L);
        assertThat(c.changing()).isTrue();
        assertThat(c.idempotent()).isTrue();
        record(c, StepResult.succeeded(Map.of(), "ok"), T0);
        assertThat(next(rb, T0)).isEqualTo(new Decision.Finish(RunStatus.SUCCEEDED, "all steps done"));
    }

    @Test
    void retriesWithBackoffOnlyForListedErrorKinds() {
        Runbook rb = runbook("""
                steps:
                  - id: q
                    type: prometheus.query
                    retry: {max: 3, backoff: 10s, errors: [transient]}
                    with: {query: up}
                """);
        var first = (Decision.RunStep) next(rb, T0);
        record(first, StepResult.failed(ErrorKind.TRANSIENT, "503"), T0);
        assertThat(next(rb, T0.plusSeconds(1)))
                .isEqualTo(new Decision.Sleep("q", T0.plusSeconds(10), "retry 2 of 3 after 10s"));
        var second = (Decision.RunStep) next(rb, T0.plusSeconds(10));
        assertThat(second.attempt()).isEqualTo(2);
        record(second, StepResult.failed(ErrorKind.INVALID, "bad query"), T0.plusSeconds(10));
        assertThat(next(rb, T0.plusSeconds(60)))
                .isEqualTo(new Decision.Finish(RunStatus.FAILED, "step q failed: bad query"));
    }

    @Test
    void pollsUntilTheConditionHoldsOrTheStepTimesOut() {
        Runbook rb = runbook("""
                steps:
                  - id: q
                    type: prometheus.query
                    timeout: 1m
                    until: 'result.value < 0.05'
                    interval: 20s
                    with: {query: ratio}
                """);
        var p1 = (Decision.RunStep) next(rb, T0);
        record(p1, StepResult.succeeded(Map.of("value", 0.3), "0.3"), T0);
        assertThat(next(rb, T0)).isInstanceOf(Decision.Sleep.class);
        var p2 = (Decision.RunStep) next(rb, T0.plusSeconds(20));
        assertThat(p2.attempt()).isEqualTo(2);
        record(p2, StepResult.succeeded(Map.of("value", 0.2), "0.2"), T0.plusSeconds(20));
        var timedOut = (Decision.MarkStep) next(rb, T0.plusSeconds(61));
        assertThat(timedOut.status()).isEqualTo(StepStatus.TIMED_OUT);
        journal.add(StepRecord.mark("q", 2, StepStatus.TIMED_OUT, timedOut.reason(), null, T0.plusSeconds(61)));
        assertThat(next(rb, T0.plusSeconds(61)))
                .isInstanceOf(Decision.Finish.class)
                .extracting("status")
                .isEqualTo(RunStatus.FAILED);
    }

    @Test
    void approvalsWaitForAnAnswerAndAreDeniedAtTheDeadline() {
        Runbook rb = runbook("""
                steps:
                  - id: ok
                    type: approval
                    timeout: 10m
                    with: {message: 'Restart?'}
                  - id: restart
                    type: kubernetes.rollout-restart
                    with: {namespace: shop, deployment: web}
                finally:
                  - id: bye
                    type: timeline.note
                    with: {text: bye}
                """);
        var ask = (Decision.RunStep) next(rb, T0);
        assertThat(ask.with()).containsEntry("approvers", List.of("U2")).containsEntry("approver-not-requester", true);
        var request =
                new dev.firebreak.runbooks.steps.ApprovalRequest("Restart?", List.of("U2"), true, "U1", ask.deadline());
        record(ask, StepResult.awaitingApproval(request), T0);
        assertThat(next(rb, T0.plusSeconds(5))).isEqualTo(new Decision.AwaitApproval("ok", 1, request));
        assertThat(request.refusal("U1", java.util.Set.of())).contains("cannot approve");
        assertThat(request.refusal("U3", java.util.Set.of())).contains("only U2");
        assertThat(request.refusal("U2", java.util.Set.of())).isNull();
        var deny = (Decision.MarkStep) next(rb, T0.plus(Duration.ofMinutes(10)));
        assertThat(deny.status()).isEqualTo(StepStatus.DENIED);
        journal.add(StepRecord.mark("ok", 1, StepStatus.DENIED, deny.reason(), null, T0.plus(Duration.ofMinutes(10))));
        var bye = (Decision.RunStep) next(rb, T0.plus(Duration.ofMinutes(10)));
        assertThat(bye.step().id()).isEqualTo("bye");
        assertThat(bye.finallyPhase()).isTrue();
        record(bye, StepResult.succeeded(Map.of(), ""), T0.plus(Duration.ofMinutes(10)));
        assertThat(next(rb, T0.plus(Duration.ofMinutes(10))))
                .isInstanceOf(Decision.Finish.class)
                .extracting("status")
                .isEqualTo(RunStatus.FAILED);
    }

    @Test
    void aCrashInsideAnIdempotentStepRerunsItAndInsideAnOtherStepInterruptsTheRun() {
        Runbook rb = runbook("""
                steps:
                  - id: scale
                    type: kubernetes.scale
                    with: {namespace: shop, deployment: web, replicas: 2}
                  - id: kill
                    type: kubernetes.delete-pod
                    with: {namespace: shop, pod: web-1}
                finally:
                  - id: bye
                    type: timeline.note
                    with: {text: bye}
                """);
        journal.add(StepRecord.running("scale", 1, T0));
        var again = (Decision.RunStep) next(rb, T0.plusSeconds(30));
        assertThat(again.step().id()).isEqualTo("scale");
        assertThat(again.attempt()).isEqualTo(1);
        assertThat(again.resumed()).isTrue();
        journal.add(StepRecord.of("scale", 1, StepResult.succeeded(Map.of(), ""), T0, T0.plusSeconds(31)));
        journal.add(StepRecord.running("kill", 1, T0.plusSeconds(32)));
        var interrupted = (Decision.MarkStep) next(rb, T0.plusSeconds(90));
        assertThat(interrupted.status()).isEqualTo(StepStatus.INTERRUPTED);
        assertThat(interrupted.reason()).contains("kill").contains("not safe to repeat");
        journal.add(StepRecord.mark("kill", 1, StepStatus.INTERRUPTED, interrupted.reason(), null, T0.plusSeconds(90)));
        var bye = (Decision.RunStep) next(rb, T0.plusSeconds(90));
        record(bye, StepResult.succeeded(Map.of(), ""), T0.plusSeconds(91));
        assertThat(next(rb, T0.plusSeconds(91)))
                .isInstanceOf(Decision.Finish.class)
                .extracting("status")
                .isEqualTo(RunStatus.INTERRUPTED);
    }

    @Test
    void anUndefinedTemplateVariableFailsTheStepAtRunTime() {
        Runbook rb = runbook("""
                steps:
                  - id: a
                    type: timeline.note
                    with: {text: '{{ alert.labels.pod }}'}
                """);
        var mark = (Decision.MarkStep) next(rb, T0);
        assertThat(mark.status()).isEqualTo(StepStatus.FAILED);
        assertThat(mark.reason()).contains("undefined variable 'alert'");
    }

    @Test
    void cancelAndTheRunTimeoutStopTheMainStepsButFinallyRuns() {
        Runbook rb = runbook("""
                steps:
                  - id: w
                    type: wait
                    with: {duration: 2h}
                finally:
                  - id: bye
                    type: timeline.note
                    with: {text: bye}
                """);
        var w = (Decision.RunStep) next(rb, T0);
        record(w, StepResult.waiting(T0.plus(Duration.ofHours(2)), "waiting"), T0);
        assertThat(next(rb, T0.plusSeconds(1)))
                .isEqualTo(new Decision.Sleep("w", T0.plus(Duration.ofHours(1)), "waiting"));
        var timeout = (Decision.MarkStep) next(rb, T0.plus(Duration.ofHours(1)));
        assertThat(timeout.status()).isEqualTo(StepStatus.TIMED_OUT);
        journal.add(
                StepRecord.mark("w", 1, StepStatus.TIMED_OUT, timeout.reason(), null, T0.plus(Duration.ofHours(1))));
        var bye = (Decision.RunStep) next(rb, T0.plus(Duration.ofHours(1)));
        assertThat(bye.step().id()).isEqualTo("bye");
    }
}
