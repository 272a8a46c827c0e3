package dev.firebreak.runbook;

/** One step attempt's state in the journal (the runbooks module's step statuses, by name). */
public enum StepStatus {
    /** Written before the step executes: left behind, it means the process died inside the step. */
    RUNNING,
    SUCCEEDED,
    FAILED,
    TIMED_OUT,
    /** {@code when} was false, or the run ended before it. */
    SKIPPED,
    /** Dry run: what a changing step would have sent, not sent. */
    PLANNED,
    /** Not done yet: runs again at its wake time ({@code wait-until}, {@code kubernetes.wait-rollout}, {@code until}). */
    POLLING,
    /** A {@code wait} in progress. */
    WAITING,
    AWAITING_APPROVAL,
    APPROVED,
    /** Refused by an approver, or not approved before the deadline. */
    DENIED,
    ENDED_RUN,
    FAILED_RUN,
    INTERRUPTED,
    CANCELLED;

    public boolean isFinal() {
        return this != RUNNING && this != POLLING && this != WAITING && this != AWAITING_APPROVAL;
    }
}
