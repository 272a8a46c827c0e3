package dev.firebreak.runbook;

import dev.firebreak.runbooks.steps.StepStatus;
import java.time.Instant;

/** A {@code runbook_step_run} row: one attempt of one step (outputs, summary, planned, error already masked). */
record StepRow(
        long id,
        long runId,
        String stepId,
        String stepType,
        boolean finallyStep,
        int attempt,
        StepStatus status,
        String request,
        String outputs,
        String summary,
        String planned,
        String error,
        String errorKind,
        String approval,
        Instant waitUntil,
        int polls,
        String decidedBy,
        String owner,
        Instant startedAt,
        Instant finishedAt) {}
