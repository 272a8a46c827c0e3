package dev.firebreak.runbooks.engine;

/** How a run finished. */
public enum RunStatus {
    SUCCEEDED,
    FAILED,
    TIMED_OUT,
    CANCELLED,
    INTERRUPTED;

    public String wireName() {
        return name().toLowerCase().replace('_', '-');
    }
}
