package dev.firebreak.runbooks.engine;

import dev.firebreak.runbooks.RunbookException;
import dev.firebreak.runbooks.lang.Expressions;
import dev.firebreak.runbooks.lang.Templates;
import dev.firebreak.runbooks.model.Policy;
import dev.firebreak.runbooks.model.RetryPolicy;
import dev.firebreak.runbooks.model.StepSpec;
import dev.firebreak.runbooks.steps.StepStatus;
import dev.firebreak.runbooks.steps.StepType;
import dev.firebreak.runbooks.steps.StepTypes;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The pure, resumable state machine of a run. {@link #next} looks at the run's state (runbook snapshot, inputs,
 * journal) and the current instant and says what to do: no threads, no I/O, same answer for the same state, so the
 * engine can call it again after any crash. Main steps run in order; a step whose {@code when} is false is skipped;
 * failures are retried per {@code retry}; {@code until}/polling steps run again every {@code interval} until true or
 * their {@code timeout}; the run's {@code policy.timeout} and cancellation end the main steps; {@code finally} steps
 * then always run; a step left RUNNING by a crash is run again only when its type is idempotent, otherwise the run
 * ends {@code interrupted}.
 */
public final class RunbookInterpreter {

    private final StepTypes types;
    private final Function<String, String> secrets;

    /** {@code secrets} answers {@code secret('name')} (null when not configured). */
    public RunbookInterpreter(StepTypes types, Function<String, String> secrets) {
        this.types = types;
        this.secrets = secrets == null ? n -> null : secrets;
    }

    private record Ending(RunStatus status, String reason) {}

    public Decision next(RunState state, Instant now) {
        Map<String, StepRecord> latest = RunVariables.latest(state.journal());
        Instant runDeadline = state.startedAt().plus(state.runbook().policy().timeout());
        Ending ending = null;
        for (StepSpec step : state.runbook().steps()) {
            StepRecord rec = latest.get(step.id());
            if (rec == null) {
                if (state.cancelRequested()) {
                    ending = new Ending(RunStatus.CANCELLED, "cancelled before step " + step.id());
                    break;
                }
                if (!now.isBefore(runDeadline)) {
                    ending = new Ending(
                            RunStatus.TIMED_OUT,
                            "run timeout of " + format(state.runbook().policy().timeout()) + " passed before step "
                                    + step.id());
                    break;
                }
            }
            Object d = decide(state, step, rec, now, runDeadline, false);
            if (d instanceof Decision decision) {
                return decision;
            }
            if (d instanceof Ending e) {
                ending = e;
                break;
            }
        }
        Ending finallyFailure = null;
        for (StepSpec step : state.runbook().finallySteps()) {
            Object d = decide(state, step, latest.get(step.id()), now, null, true);
            if (d instanceof Decision decision) {
                return decision;
            }
            if (d instanceof Ending e && finallyFailure == null) {
                finallyFailure = e;
            }
        }
        if (ending != null) {
            return new Decision.Finish(ending.status(), ending.reason());
        }
        if (finallyFailure != null) {
            return new Decision.Finish(RunStatus.FAILED, "finally: " + finallyFailure.reason());
        }
        return new Decision.Finish(RunStatus.SUCCEEDED, "all steps done");
    }

    /** A Decision to return, an Ending (the main steps stop), or null (this step is done; go on). */
    private Object decide(
            RunState state, StepSpec step, StepRecord rec, Instant now, Instant runDeadline, boolean finallyPhase) {
        Stop stop = Stop.of(state, now, runDeadline, finallyPhase);
        if (rec == null) {
            if (step.when() != null) {
                try {
                    if (!Expressions.test(step.when(), RunVariables.forRun(state))) {
                        return new Decision.MarkStep(step.id(), 1, StepStatus.SKIPPED, "when is false: " + step.when());
                    }
                } catch (RunbookException e) {
                    return new Decision.MarkStep(step.id(), 1, StepStatus.FAILED, "when: " + e.getMessage());
                }
            }
            return runStep(state, step, 1, now, runDeadline, finallyPhase, false);
        }
        switch (rec.status()) {
            case SUCCEEDED, PLANNED -> {
                if (step.until() == null) {
                    return null;
                }
                boolean met;
                try {
                    Map<String, Object> vars = RunVariables.forRun(state);
                    vars.put("result", rec.outputs());
                    vars.put("outputs", RunVariables.stepData(step, rec, vars).get("outputs"));
                    met = Expressions.test(step.until(), vars);
                } catch (RunbookException e) {
                    return new Decision.MarkStep(
                            step.id(), rec.attempt(), StepStatus.FAILED, "until: " + e.getMessage());
                }
                if (met) {
                    return null;
                }
                return pollAgain(
                        state,
                        step,
                        rec,
                        rec.finishedAt().plus(step.intervalOrDefault()),
                        now,
                        runDeadline,
                        finallyPhase,
                        stop,
                        "until is not true yet: " + step.until());
            }
            case POLLING -> {
                Instant wake =
                        rec.wakeAt() != null ? rec.wakeAt() : rec.finishedAt().plus(step.intervalOrDefault());
                return pollAgain(
                        state,
                        step,
                        rec,
                        wake,
                        now,
                        runDeadline,
                        finallyPhase,
                        stop,
                        rec.error() != null ? rec.error() : "condition not met yet");
            }
            case SKIPPED, APPROVED -> {
                return null;
            }
            case WAITING -> {
                if (stop != null) {
                    return stop.mark(step, rec);
                }
                if (rec.wakeAt() != null && now.isBefore(rec.wakeAt())) {
                    return new Decision.Sleep(step.id(), min(rec.wakeAt(), runDeadline), "waiting");
                }
                return null;
            }
            case AWAITING_APPROVAL -> {
                if (stop != null) {
                    return stop.mark(step, rec);
                }
                Instant deadline = rec.approval() != null ? rec.approval().deadline() : rec.wakeAt();
                if (deadline != null && !now.isBefore(deadline)) {
                    return new Decision.MarkStep(
                            step.id(), rec.attempt(), StepStatus.DENIED, "no approval before the deadline; denied");
                }
                return new Decision.AwaitApproval(step.id(), rec.attempt(), rec.approval());
            }
            case RUNNING -> {
                StepType type = types.find(step.type()).orElse(null);
                if (type != null && type.idempotent(step.with())) {
                    return runStep(state, step, rec.attempt(), now, runDeadline, finallyPhase, true);
                }
                return new Decision.MarkStep(
                        step.id(),
                        rec.attempt(),
                        StepStatus.INTERRUPTED,
                        "the engine stopped while step " + step.id() + " (" + step.type()
                                + ") was running; it is not safe to repeat, so the run stops");
            }
            case FAILED, TIMED_OUT -> {
                RetryPolicy retry = step.retry();
                String kind = rec.status() == StepStatus.TIMED_OUT ? "timeout" : rec.errorKind();
                if (retry != null
                        && rec.attempt() < retry.maxAttempts()
                        && kind != null
                        && retry.on().contains(kind)
                        && stop == null) {
                    Instant wake = (rec.finishedAt() == null ? now : rec.finishedAt())
                            .plus(retry.backoffBefore(rec.attempt() + 1));
                    if (now.isBefore(wake)) {
                        return new Decision.Sleep(
                                step.id(),
                                min(wake, runDeadline),
                                "retry " + (rec.attempt() + 1) + " of " + retry.maxAttempts() + " after "
                                        + format(retry.backoffBefore(rec.attempt() + 1)));
                    }
                    return runStep(state, step, rec.attempt() + 1, now, runDeadline, finallyPhase, false);
                }
                return new Ending(
                        RunStatus.FAILED,
                        "step " + step.id() + " "
                                + (rec.status() == StepStatus.TIMED_OUT ? "timed out" : "failed")
                                + (rec.error() == null ? "" : ": " + rec.error()));
            }
            case DENIED -> {
                return new Ending(
                        RunStatus.FAILED,
                        "step " + step.id() + " was denied"
                                + (rec.actor() == null ? "" : " by " + rec.actor())
                                + (rec.error() == null ? "" : " (" + rec.error() + ")"));
            }
            case ENDED_RUN -> {
                return new Ending(
                        RunStatus.SUCCEEDED,
                        "ended by step " + step.id() + (rec.outputs().isEmpty() && rec.error() == null ? "" : ""));
            }
            case FAILED_RUN -> {
                return new Ending(
                        RunStatus.FAILED,
                        "failed by step " + step.id() + (rec.error() == null ? "" : ": " + rec.error()));
            }
            case INTERRUPTED -> {
                return new Ending(
                        RunStatus.INTERRUPTED, rec.error() == null ? "interrupted in step " + step.id() : rec.error());
            }
            case CANCELLED -> {
                return new Ending(RunStatus.CANCELLED, "cancelled during step " + step.id());
            }
            default -> throw new IllegalStateException("unhandled status " + rec.status());
        }
    }

    private Object pollAgain(
            RunState state,
            StepSpec step,
            StepRecord rec,
            Instant wake,
            Instant now,
            Instant runDeadline,
            boolean finallyPhase,
            Stop stop,
            String why) {
        if (stop != null) {
            return stop.mark(step, rec);
        }
        Instant firstStart = firstStart(state.journal(), step.id());
        if (!now.isBefore(firstStart.plus(step.timeoutOrDefault()))) {
            return new Decision.MarkStep(
                    step.id(),
                    rec.attempt(),
                    StepStatus.TIMED_OUT,
                    "not done within " + format(step.timeoutOrDefault()) + ": " + why);
        }
        if (now.isBefore(wake)) {
            return new Decision.Sleep(step.id(), min(wake, runDeadline), "polling: " + why);
        }
        return runStep(state, step, rec.attempt() + 1, now, runDeadline, finallyPhase, false);
    }

    private Object runStep(
            RunState state,
            StepSpec step,
            int attempt,
            Instant now,
            Instant runDeadline,
            boolean finallyPhase,
            boolean resumed) {
        StepType type = types.find(step.type()).orElse(null);
        if (type == null) {
            return new Decision.MarkStep(step.id(), attempt, StepStatus.FAILED, "unknown step type " + step.type());
        }
        Map<String, Object> with;
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> rendered = (Map<String, Object>)
                    Templates.renderDeep(withDefaults(state, step), RunVariables.forRun(state), secrets);
            with = rendered;
        } catch (RunbookException e) {
            return new Decision.MarkStep(step.id(), attempt, StepStatus.FAILED, e.getMessage());
        }
        Instant deadline = now.plus(step.timeoutOrDefault());
        if (step.until() != null || "approval".equals(step.type())) {
            // polls and approvals: the step timeout bounds the whole wait, each execution gets the same budget
            deadline = now.plus(
                    StepSpec.DEFAULT_TIMEOUT.compareTo(step.timeoutOrDefault()) < 0
                            ? StepSpec.DEFAULT_TIMEOUT
                            : step.timeoutOrDefault());
            if ("approval".equals(step.type())) {
                deadline = now.plus(step.timeoutOrDefault());
            }
        }
        if (!finallyPhase && runDeadline != null) {
            deadline = min(deadline, runDeadline);
        }
        return new Decision.RunStep(
                step, attempt, with, deadline, type.changes(with), type.idempotent(with), finallyPhase, resumed);
    }

    /** Approval steps get the policy's approvers and rule unless they say otherwise. */
    private static Map<String, Object> withDefaults(RunState state, StepSpec step) {
        if (!"approval".equals(step.type())) {
            return step.with();
        }
        Policy policy = state.runbook().policy();
        Map<String, Object> with = new LinkedHashMap<>(step.with());
        with.putIfAbsent("approvers", policy.approveBy());
        with.putIfAbsent("approver-not-requester", policy.approverNotRequester());
        return with;
    }

    /** Why the main steps stop before a step is done: the run was cancelled or its timeout passed. */
    private record Stop(StepStatus status, String reason) {

        /** The stop that applies now, or null while the steps go on (finally steps always go on). */
        static Stop of(RunState state, Instant now, Instant runDeadline, boolean finallyPhase) {
            if (finallyPhase || !(state.cancelRequested() || !now.isBefore(runDeadline))) {
                return null;
            }
            return state.cancelRequested()
                    ? new Stop(StepStatus.CANCELLED, "run cancelled")
                    : new Stop(StepStatus.TIMED_OUT, "run timeout passed");
        }

        /** Ends the step's current attempt with this stop. */
        Decision.MarkStep mark(StepSpec step, StepRecord rec) {
            return new Decision.MarkStep(step.id(), rec.attempt(), status, reason);
        }
    }

    private static Instant firstStart(List<StepRecord> journal, String stepId) {
        for (StepRecord r : journal) {
            if (r.stepId().equals(stepId) && r.startedAt() != null) {
                return r.startedAt();
            }
        }
        return Instant.EPOCH;
    }

    private static Instant min(Instant a, Instant b) {
        return b == null || a.isBefore(b) ? a : b;
    }

    private static String format(Duration d) {
        return dev.firebreak.runbooks.lang.Durations.format(d);
    }
}
