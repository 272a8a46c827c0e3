package dev.firebreak.runbook;

/** Where a run is. The last five are final. */
public enum RunStatus {
    /** Ready to start or continue. */
    PENDING,
    /** Behind another run with the same concurrency key ({@code on-conflict: queue}). */
    QUEUED,
    /** A step is being executed. */
    RUNNING,
    /** Waiting for an approval, a poll or a timer. */
    WAITING,
    SUCCEEDED,
    FAILED,
    CANCELLED,
    TIMED_OUT,
    /** A non-idempotent step was running when the process running it died: not retried, a person decides. */
    INTERRUPTED;

    public boolean isFinal() {
        return ordinal() >= SUCCEEDED.ordinal();
    }

    public boolean isActive() {
        return this == PENDING || this == RUNNING || this == WAITING;
    }
}
