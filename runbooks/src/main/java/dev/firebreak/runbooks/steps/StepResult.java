package dev.firebreak.runbooks.steps;

import java.time.Instant;
import java.util.Map;

/**
 * The outcome of one step attempt. {@code outputs} are the raw outputs ({@code result} in the step's CEL);
 * {@code summary} is one short line for Slack/timeline (mask it before showing); {@code planned} is set for changing
 * steps (what was or would be sent); {@code wakeAt} for WAITING/POLLING; {@code approval} for AWAITING_APPROVAL;
 * {@code errorKind}/{@code error} for FAILED/TIMED_OUT.
 */
public record StepResult(
        StepStatus status,
        Map<String, Object> outputs,
        String summary,
        PlannedChange planned,
        Instant wakeAt,
        ApprovalRequest approval,
        ErrorKind errorKind,
        String error) {

    public StepResult {
        outputs = outputs == null
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outputs));
        summary = summary == null ? "" : summary;
    }

    public static StepResult succeeded(Map<String, Object> outputs, String summary) {
        return new StepResult(StepStatus.SUCCEEDED, outputs, summary, null, null, null, null, null);
    }

    public static StepResult changed(Map<String, Object> outputs, String summary, PlannedChange sent) {
        return new StepResult(StepStatus.SUCCEEDED, outputs, summary, sent, null, null, null, null);
    }

    public static StepResult planned(PlannedChange change, String summary) {
        return planned(Map.of(), change, summary);
    }

    /** A dry run of a changing step: what it would send, with the outputs it read on the way. */
    public static StepResult planned(Map<String, Object> outputs, PlannedChange change, String summary) {
        return new StepResult(StepStatus.PLANNED, outputs, summary, change, null, null, null, null);
    }

    public static StepResult failed(ErrorKind kind, String error) {
        return new StepResult(StepStatus.FAILED, Map.of(), error, null, null, null, kind, error);
    }

    public static StepResult polling(Map<String, Object> outputs, String summary, Instant wakeAt) {
        return new StepResult(StepStatus.POLLING, outputs, summary, null, wakeAt, null, null, null);
    }

    public static StepResult waiting(Instant wakeAt, String summary) {
        return new StepResult(StepStatus.WAITING, Map.of(), summary, null, wakeAt, null, null, null);
    }

    public static StepResult awaitingApproval(ApprovalRequest request) {
        return new StepResult(
                StepStatus.AWAITING_APPROVAL,
                Map.of(),
                "waiting for approval: " + request.prompt(),
                null,
                request.deadline(),
                request,
                null,
                null);
    }

    public static StepResult endRun(String summary) {
        return new StepResult(StepStatus.ENDED_RUN, Map.of(), summary, null, null, null, null, null);
    }

    public static StepResult failRun(String message) {
        return new StepResult(StepStatus.FAILED_RUN, Map.of(), message, null, null, null, ErrorKind.ERROR, message);
    }
}
