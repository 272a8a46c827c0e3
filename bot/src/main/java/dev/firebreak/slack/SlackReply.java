package dev.firebreak.slack;

/** A reply to a command: mrkdwn text, shown only to the user (ephemeral) or in the channel. */
public record SlackReply(String text, boolean inChannel) {

    public static SlackReply ephemeral(String text) {
        return new SlackReply(text, false);
    }

    public static SlackReply inChannel(String text) {
        return new SlackReply(text, true);
    }

    /** Nothing to say (the command's effect shows elsewhere, e.g. the status card). */
    public static SlackReply none() {
        return new SlackReply(null, false);
    }
}
