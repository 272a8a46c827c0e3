package dev.firebreak.timeline;

import dev.firebreak.incident.Actor;
import dev.firebreak.incident.AlertGroupChanged;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentOpened;
import dev.firebreak.incident.IncidentStatus;
import dev.firebreak.incident.IncidentStatusChanged;
import dev.firebreak.incident.RoleAssigned;
import dev.firebreak.incident.SeverityChanged;
import dev.firebreak.system.outbox.OutboxTaskFailed;
import dev.firebreak.system.text.UserMentions;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Writes incident domain events to the timeline, in the transaction that produced them. */
@Component
class TimelineRecorder {

    private final Timeline timeline;

    TimelineRecorder(Timeline timeline) {
        this.timeline = timeline;
    }

    @EventListener
    void on(IncidentOpened e) {
        timeline.record(NewTimelineEntry.of(
                        e.incidentId(),
                        e.at(),
                        TimelineKinds.INCIDENT_OPENED,
                        e.actor(),
                        Incident.reference(e.number()) + " opened (" + e.severity() + ", from "
                                + e.source().wireName() + "): " + e.title())
                .asKeyEvent());
    }

    @EventListener
    void on(IncidentStatusChanged e) {
        String verb = switch (e.to()) {
            case ACKNOWLEDGED -> "Acknowledged";
            case MITIGATED -> "Mitigated";
            case RESOLVED -> "Resolved";
            case TRIGGERED -> "Re-opened";
        };
        String text = verb + " by " + e.actor().name() + " (" + e.from() + " → " + e.to() + ")";
        if (e.reason() != null && !e.reason().isBlank()) {
            text += ": " + e.reason();
        }
        NewTimelineEntry entry =
                NewTimelineEntry.of(e.incidentId(), e.at(), TimelineKinds.STATUS_CHANGED, e.actor(), text);
        timeline.record(e.to() == IncidentStatus.TRIGGERED ? entry : entry.asKeyEvent());
    }

    @EventListener
    void on(SeverityChanged e) {
        timeline.record(NewTimelineEntry.of(
                e.incidentId(),
                e.at(),
                TimelineKinds.SEVERITY_CHANGED,
                e.actor(),
                "Severity changed from " + e.from() + " to " + e.to() + " by "
                        + e.actor().name()));
    }

    @EventListener
    void on(RoleAssigned e) {
        // Role holders are Slack user ids; the timeline shows them as mentions, as before.
        String who = e.assignee() == null ? "unassigned" : UserMentions.mentionIfUserId(e.assignee());
        String text =
                e.role().label() + ": " + who + " (assigned by " + e.actor().name() + ")";
        timeline.record(NewTimelineEntry.of(e.incidentId(), e.at(), TimelineKinds.ROLE_ASSIGNED, e.actor(), text));
    }

    @EventListener
    void on(AlertGroupChanged e) {
        String group = "Alert group #" + e.ordinal() + " (" + e.groupTitle() + ")";
        String text = switch (e.change()) {
            case JOINED -> group + " joined the alert storm";
            case RESOLVED -> group + " resolved";
            case REFIRED -> group + " is firing again";
            case SPLIT ->
                group + " split out into " + Incident.reference(e.splitToNumber()) + " by "
                        + e.actor().name();
        };
        NewTimelineEntry entry =
                NewTimelineEntry.of(e.incidentId(), e.at(), TimelineKinds.STORM_GROUP, e.actor(), text);
        timeline.record(e.change() == AlertGroupChanged.Change.SPLIT ? entry.asKeyEvent() : entry);
        if (e.change() == AlertGroupChanged.Change.SPLIT) {
            timeline.record(NewTimelineEntry.of(
                            e.splitTo(),
                            e.at(),
                            TimelineKinds.STORM_GROUP,
                            e.actor(),
                            "Split out of the alert storm " + Incident.reference(e.incidentNumber()) + " (alert group #"
                                    + e.ordinal() + ") by " + e.actor().name())
                    .asKeyEvent());
        }
    }

    @EventListener
    void on(OutboxTaskFailed e) {
        if (e.incidentId() == null) {
            return;
        }
        timeline.record(NewTimelineEntry.of(
                        e.incidentId(),
                        e.at(),
                        TimelineKinds.INTEGRATION_WARNING,
                        Actor.system(),
                        "Warning: " + e.kind() + " failed: " + e.reason())
                .withDedupKey("outbox-failed:" + e.taskId()));
    }
}
