package dev.firebreak.runbooks.steps;

/**
 * The status of a step attempt, as returned by a step type and as written to the run's journal.
 * {@link #RUNNING} is written by the engine before it executes a step (a journal left in RUNNING means the process
 * died inside the step).
 */
public enum StepStatus {
    /** Written by the engine before executing; never returned by a step type. */
    RUNNING,
    SUCCEEDED,
    FAILED,
    /** The step did not finish before its deadline (the engine stopped it). */
    TIMED_OUT,
    /** {@code when} was false (or the run ended before it). */
    SKIPPED,
    /** Dry run of a changing step: {@link StepResult#planned()} says what would have been sent. */
    PLANNED,
    /** Not done yet: run the step again at {@link StepResult#wakeAt()} (wait-until, wait-rollout). */
    POLLING,
    /** Done once {@link StepResult#wakeAt()} has passed ({@code wait}). */
    WAITING,
    /** Waiting for a permitted person: {@link StepResult#approval()} says who and until when. */
    AWAITING_APPROVAL,
    /** Written by the engine when a permitted person approved. */
    APPROVED,
    /** Written by the engine when someone permitted denied, or the approval deadline passed. */
    DENIED,
    /** {@code end}: the run finishes successfully after its finally steps. */
    ENDED_RUN,
    /** {@code fail}: the run fails after its finally steps. */
    FAILED_RUN,
    /** Written by the engine: the process died inside a non-idempotent step. */
    INTERRUPTED,
    /** Written by the engine when the run was cancelled before this step finished. */
    CANCELLED;

    /** A final outcome for the attempt (not RUNNING/POLLING/WAITING/AWAITING_APPROVAL). */
    public boolean terminal() {
        return this != RUNNING && this != POLLING && this != WAITING && this != AWAITING_APPROVAL;
    }

    public String wireName() {
        return name().toLowerCase().replace('_', '-');
    }
}
