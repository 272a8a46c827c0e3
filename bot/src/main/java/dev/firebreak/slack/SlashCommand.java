package dev.firebreak.slack;

/**
 * A top-level slash command other than {@code /incident} (e.g. {@code /oncall}). Beans implementing this
 * are registered with Bolt by the Slack module; acknowledged within 3 s, run afterwards, replied through
 * the {@code response_url}.
 */
public interface SlashCommand {

    /** e.g. {@code "/oncall"}. */
    String command();

    SlackReply run(SlackCommandContext context) throws Exception;
}
