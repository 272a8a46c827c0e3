package dev.firebreak.runbooks;

/** A runbook file that cannot be used; the message names the file and the problem. */
public class RunbookException extends RuntimeException {

    public RunbookException(String message) {
        super(message);
    }
}
