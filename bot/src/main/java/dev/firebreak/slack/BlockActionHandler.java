package dev.firebreak.slack;

/**
 * Handles one Block Kit button ({@code action_id}). Beans implementing this are registered with Bolt.
 * The button's {@code value} carries the incident id; the Slack module resolves it and acknowledges
 * within 3 s before {@link #run} is called.
 */
public interface BlockActionHandler {

    /** The action_id, e.g. {@code "incident.postmortem"}. */
    String actionId();

    SlackReply run(SlackCommandContext context) throws Exception;
}
