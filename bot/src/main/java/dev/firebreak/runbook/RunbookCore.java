package dev.firebreak.runbook;

import dev.firebreak.runbooks.steps.StepStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the durable engine needs from the runbooks module (language, interpreter, step types), in the engine's terms:
 * the one adapter over that module's API is {@link RunbooksModule}. Only {@link #execute} does I/O.
 */
interface RunbookCore {

    /** A loaded runbook of the catalog. */
    record Loaded(RunbookView view, boolean auto) {}

    /** A run ready to be written: the snapshot and everything the start checks need. */
    record Prepared(
            String runbookId,
            String title,
            String snapshot,
            String sourceName,
            Map<String, Object> inputs,
            String concurrencyKey,
            String rateKey,
            boolean queueOnConflict,
            int rateMax,
            Duration rateWindow,
            Duration timeout,
            String permissionRefusal) {}

    /** An {@code auto: true} trigger that matches; {@code onceKey} identifies the occasion ({@code once-per}). */
    record AutoStart(String runbookId, String onceKey) {}

    /** The interpreter's answer: what to do next. */
    sealed interface Next {}

    /** Execute a step ({@code resumed}: it was running when its process died, and it is idempotent). */
    record Execute(
            String stepId,
            String type,
            boolean finallyStep,
            int attempt,
            Map<String, Object> maskedRequest,
            Instant deadline,
            boolean resumed,
            Object decision)
            implements Next {}

    /** Write this status for the step attempt (skipped, denied, timed out, interrupted, cancelled), then ask again. */
    record Mark(String stepId, String type, boolean finallyStep, int attempt, StepStatus status, String reason)
            implements Next {}

    /** Nothing to do before {@code until}. */
    record Sleep(String stepId, Instant until, String reason) implements Next {}

    /** An approval is open until {@code deadline}. */
    record AwaitApproval(String stepId, int attempt, Instant deadline) implements Next {}

    record Finished(RunStatus status, String reason) implements Next {}

    /** What one execution of a step says (every string masked). */
    record Outcome(
            StepStatus status,
            Map<String, Object> outputs,
            String summary,
            Object planned,
            Instant wakeAt,
            Approval approval,
            String errorKind,
            String error) {}

    /** Who may answer an approval, and until when. */
    record Approval(
            String prompt, List<String> approvers, boolean approverNotRequester, String requester, Instant deadline) {}

    List<Loaded> catalog();

    boolean matches(String runbookId, IncidentFacts incident);

    /** Ids of the runbooks whose triggers match the incident (one pass over its alerts for the whole catalog). */
    java.util.Set<String> matchingIds(IncidentFacts incident);

    List<AutoStart> autoStarts(IncidentFacts incident);

    /** Whether any runbook of the catalog starts by itself (else alert changes need no auto-start task). */
    boolean hasAutoRunbooks();

    /** Resolves and checks inputs; throws {@link RunRefusedException} with the reason when the run must not start. */
    Prepared prepare(
            String runbookId,
            IncidentFacts incident,
            Map<String, String> given,
            String requester,
            java.util.Set<String> requesterGroups);

    Next next(RunRow run, List<StepRow> journal, IncidentFacts incident, Instant now);

    /** Runs one step (blocking at most until its deadline, interrupted beyond). */
    Outcome execute(RunRow run, Execute step, IncidentFacts incident) throws Exception;

    /** Masks configured secrets and token-looking values. */
    String mask(String text);
}
