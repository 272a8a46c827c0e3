package dev.firebreak.runbooks.engine;

import dev.firebreak.runbooks.model.StepSpec;
import dev.firebreak.runbooks.steps.ApprovalRequest;
import dev.firebreak.runbooks.steps.StepStatus;
import java.time.Instant;
import java.util.Map;

/** What the engine must do next for a run; see {@link RunbookInterpreter#next}. */
public sealed interface Decision {

    /**
     * Execute a step: write {@code StepRecord.running(step.id(), attempt, now)}, run the type with {@code with}
     * (rendered; contains secrets in clear: never store or log it unmasked) and stop it at {@code deadline}, then
     * write the outcome. {@code resumed}: the process died inside this idempotent step and it is run again.
     */
    record RunStep(
            StepSpec step,
            int attempt,
            Map<String, Object> with,
            Instant deadline,
            boolean changing,
            boolean idempotent,
            boolean finallyPhase,
            boolean resumed)
            implements Decision {}

    /**
     * Write a record the engine decides itself: {@link StepStatus#SKIPPED} (when false, run ended), TIMED_OUT (until
     * not met in time), DENIED (approval deadline passed), INTERRUPTED (died inside a non-idempotent step),
     * CANCELLED; then ask again.
     */
    record MarkStep(String stepId, int attempt, StepStatus status, String reason) implements Decision {}

    /** Nothing to do before {@code until} (retry backoff, poll interval, {@code wait}); ask again then. */
    record Sleep(String stepId, Instant until, String reason) implements Decision {}

    /**
     * Wait for a permitted person to answer {@code request} (write APPROVED/DENIED with the actor, then ask again),
     * or for {@code request.deadline()} (then ask again: the interpreter marks it DENIED).
     */
    record AwaitApproval(String stepId, int attempt, ApprovalRequest request) implements Decision {}

    /** The run is over. */
    record Finish(RunStatus status, String reason) implements Decision {}
}
