package dev.firebreak.slack.bolt;

/** A command used wrongly; its message (with the usage) is shown to the user as is. */
public class SlackUsageException extends RuntimeException {

    public SlackUsageException(String message) {
        super(message);
    }
}
