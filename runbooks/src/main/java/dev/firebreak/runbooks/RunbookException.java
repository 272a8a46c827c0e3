package dev.firebreak.runbooks;

/** A runbook that cannot be used, or a template/expression that cannot be evaluated; the message says why. */
public class RunbookException extends RuntimeException {

    public RunbookException(String message) {
        super(message);
    }

    public RunbookException(String message, Throwable cause) {
        super(message, cause);
    }
}
