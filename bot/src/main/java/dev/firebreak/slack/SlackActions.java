package dev.firebreak.slack;

/**
 * Block Kit action ids of the status card's buttons (each button's {@code value} is the incident UUID),
 * and the outbox queue-key convention for Slack work.
 */
public final class SlackActions {

    public static final String ACKNOWLEDGE = "incident.ack";
    public static final String MITIGATE = "incident.mitigate";
    public static final String RESOLVE = "incident.resolve";
    public static final String CHANGE_SEVERITY = "incident.severity";
    public static final String POSTMORTEM = "incident.postmortem";
    public static final String RUN_RUNBOOK = "incident.runbook";

    private SlackActions() {}

    /**
     * The outbox queue key for all Slack work of one incident. Every task that touches the incident's
     * channel (create, card, invites, uploads) uses it, so they run in order: nothing posts into a channel
     * before the task that creates it has succeeded.
     */
    public static String queueKey(java.util.UUID incidentId) {
        return "slack:" + incidentId;
    }
}
