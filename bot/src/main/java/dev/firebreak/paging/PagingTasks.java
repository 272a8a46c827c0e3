package dev.firebreak.paging;

import java.util.UUID;

/** Outbox task kinds, queue keys and payloads of the paging module. */
final class PagingTasks {

    static final String TRIGGER = "pagerduty.trigger";
    static final String RETRIGGER = "pagerduty.retrigger";
    static final String ACKNOWLEDGE = "pagerduty.acknowledge";
    static final String RESOLVE = "pagerduty.resolve";
    static final String LINK = "pagerduty.link-incident";
    static final String NOTE = "pagerduty.note";
    static final String INVITE_ONCALL = "pagerduty.invite-oncall";
    static final String PAGE = "pagerduty.page";

    /** Prefix of notes Firebreak adds, so their {@code incident.annotated} webhooks are not echoed back. */
    static final String NOTE_PREFIX = "[Firebreak] ";

    private PagingTasks() {}

    /** Trigger, acknowledge, resolve, invites and manual pages of one incident: strictly in order. */
    static String queue(UUID incidentId) {
        return "pagerduty:" + incidentId;
    }

    /** Side queues that may wait (for the PagerDuty incident id) without holding up acknowledge/resolve. */
    static String linkQueue(UUID incidentId) {
        return "pagerduty-link:" + incidentId;
    }

    static String noteQueue(UUID incidentId) {
        return "pagerduty-notes:" + incidentId;
    }

    record IncidentTask(UUID incidentId) {}

    record NoteTask(UUID incidentId, String content) {}

    /** A page from {@code /incident page}: a team (route) or a Slack user, with an optional message. */
    record PageTask(UUID incidentId, String team, String slackUserId, String message, String requestedBy) {}
}
