package dev.firebreak.incident;

/**
 * The incident lifecycle, as one explicit state machine.
 *
 * <pre>
 * TRIGGERED -> ACKNOWLEDGED -> MITIGATED -> RESOLVED   (skipping forward is allowed)
 * RESOLVED  -> TRIGGERED                               (re-open)
 * </pre>
 * Everything else, including a "transition" to the current status, is illegal.
 */
public enum IncidentStatus {
    TRIGGERED,
    ACKNOWLEDGED,
    MITIGATED,
    RESOLVED;

    public boolean canMoveTo(IncidentStatus next) {
        if (this == RESOLVED) {
            return next == TRIGGERED;
        }
        return next.ordinal() > ordinal();
    }

    public boolean isOpen() {
        return this != RESOLVED;
    }
}
