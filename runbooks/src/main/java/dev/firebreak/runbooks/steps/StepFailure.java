package dev.firebreak.runbooks.steps;

/** A step failed for a known reason; the message is short, safe to show (it is masked before it is shown anyway). */
public class StepFailure extends RuntimeException {

    private final ErrorKind kind;

    public StepFailure(ErrorKind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public StepFailure(ErrorKind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public ErrorKind kind() {
        return kind;
    }
}
