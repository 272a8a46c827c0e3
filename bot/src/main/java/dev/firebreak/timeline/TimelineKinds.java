package dev.firebreak.timeline;

/** The kinds of timeline entries. Free-form strings in storage; these are the ones Firebreak writes. */
public final class TimelineKinds {

    public static final String INCIDENT_OPENED = "incident.opened";
    public static final String STATUS_CHANGED = "incident.status";
    public static final String SEVERITY_CHANGED = "incident.severity";
    public static final String ROLE_ASSIGNED = "incident.role";
    public static final String ALERT_FIRING = "alert.firing";
    public static final String ALERT_RESOLVED = "alert.resolved";
    public static final String AUTO_RESOLVED = "incident.auto-resolved";
    public static final String NOTE = "note";
    public static final String SLACK_MESSAGE = "slack.message";
    public static final String FOLLOW_UP = "follow-up";
    public static final String PAGE = "page";
    public static final String PAGE_ACKNOWLEDGED = "page.acknowledged";
    public static final String RUNBOOK_STEP = "runbook.step";
    public static final String INTEGRATION_WARNING = "integration.warning";
    public static final String CORRECTION = "correction";
    /** The storm breaker started a storm incident. */
    public static final String STORM_STARTED = "storm.started";
    /** An alert group joined, resolved in, fired again in or was split out of a storm incident. */
    public static final String STORM_GROUP = "storm.group";

    private TimelineKinds() {}
}
