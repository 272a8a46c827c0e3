package dev.firebreak.slack.delivery;

import java.util.UUID;

/** Outbox task kinds and payloads of Slack delivery. All run on {@code SlackActions.queueKey(incident)}. */
final class SlackTasks {

    static final String CREATE_CHANNEL = "slack.create-channel";
    static final String SET_TOPIC = "slack.set-topic";
    static final String INVITE = dev.firebreak.slack.SlackInvites.KIND;
    static final String POST_CARD = "slack.post-card";
    static final String UPDATE_CARD = "slack.update-card";
    static final String ANNOUNCE = "slack.announce";
    static final String CLOSING_SUMMARY = "slack.closing-summary";
    static final String UNARCHIVE = "slack.unarchive";
    /**
     * The archive timer: runs on its own queue ({@link #archiveQueue}), because a delayed task must not block
     * the incident's queue. When due it enqueues {@link #ARCHIVE_CHANNEL} on the incident's queue, so the
     * archive happens after everything posted before it (card, closing summary), even after a long outage.
     */
    static final String ARCHIVE = "slack.archive";

    static final String ARCHIVE_CHANNEL = "slack.archive-channel";

    private SlackTasks() {}

    /**
     * The topic's own queue: a topic Slack keeps refusing (say {@code missing_scope}, or retries until dead) never
     * holds back the card, the announcement or invites on the incident's queue. The first topic task is queued by the
     * channel's creation; later ones find the channel or have nothing to do (the first renders the current state).
     */
    static String topicQueue(UUID incidentId) {
        return "slack-topic:" + incidentId;
    }

    static String archiveQueue(UUID incidentId) {
        return "slack-archive:" + incidentId;
    }

    record IncidentTask(UUID incidentId) {}

    /** Archive only if the incident is still resolved from that resolve ({@code resolvedAtMillis}). */
    record ArchiveTask(UUID incidentId, long resolvedAtMillis) {}
}
