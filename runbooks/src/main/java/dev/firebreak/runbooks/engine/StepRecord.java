package dev.firebreak.runbooks.engine;

import dev.firebreak.runbooks.steps.ApprovalRequest;
import dev.firebreak.runbooks.steps.StepStatus;
import java.time.Instant;
import java.util.Map;

/**
 * One journal line of a run: an attempt of a step and its latest status. The engine writes one with
 * {@link StepStatus#RUNNING} before executing, then updates it (or appends a new one) with the outcome.
 * {@code outputs} are the step type's raw outputs (unmasked in the journal is fine only if the journal is private;
 * masking them before storing is safe too, as the interpreter only reads them for conditions and templates).
 * {@code wakeAt} for WAITING/POLLING, {@code approval} for AWAITING_APPROVAL, {@code actor} for APPROVED/DENIED.
 */
public record StepRecord(
        String stepId,
        int attempt,
        StepStatus status,
        Map<String, Object> outputs,
        String errorKind,
        String error,
        Instant startedAt,
        Instant finishedAt,
        Instant wakeAt,
        ApprovalRequest approval,
        String actor) {

    public StepRecord {
        outputs = outputs == null
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outputs));
    }

    public static StepRecord running(String stepId, int attempt, Instant startedAt) {
        return new StepRecord(
                stepId, attempt, StepStatus.RUNNING, Map.of(), null, null, startedAt, null, null, null, null);
    }

    /** The record for a finished (or waiting) attempt from a step type's result. */
    public static StepRecord of(
            String stepId,
            int attempt,
            dev.firebreak.runbooks.steps.StepResult r,
            Instant startedAt,
            Instant finishedAt) {
        return new StepRecord(
                stepId,
                attempt,
                r.status(),
                r.outputs(),
                r.errorKind() == null ? null : r.errorKind().wireName(),
                r.error(),
                startedAt,
                finishedAt,
                r.wakeAt(),
                r.approval(),
                null);
    }

    /** A record the engine writes itself (skip, approve/deny, timeout, interrupted, cancelled). */
    public static StepRecord mark(
            String stepId, int attempt, StepStatus status, String reason, String actor, Instant at) {
        return new StepRecord(stepId, attempt, status, Map.of(), null, reason, at, at, null, null, actor);
    }
}
