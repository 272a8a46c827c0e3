package dev.firebreak.runbooks;

/** A problem in a runbook file, printed as {@code file:line:column: message}. */
public record Finding(SourcePosition position, String message) {

    public String format() {
        return position + ": " + message;
    }

    @Override
    public String toString() {
        return format();
    }
}
