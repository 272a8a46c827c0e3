package dev.firebreak.paging;

import dev.firebreak.incident.Actor;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentManagement;
import dev.firebreak.incident.IncidentOpened;
import dev.firebreak.incident.IncidentStatus;
import dev.firebreak.incident.IncidentStatusChanged;
import dev.firebreak.incident.SeverityChanged;
import dev.firebreak.system.outbox.Outbox;
import dev.firebreak.timeline.NewTimelineEntry;
import dev.firebreak.timeline.NoteAdded;
import dev.firebreak.timeline.Timeline;
import dev.firebreak.timeline.TimelineKinds;
import java.time.Clock;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns incident events into PagerDuty work, in the transaction of the change (so the work exists if and
 * only if the change committed). Changes made by PagerDuty itself (actor type pagerduty) are not sent back.
 */
@Component
class PagingListener {

    private final PagerDutySettings settings;
    private final PagingRoutes routes;
    private final PagingStore store;
    private final Outbox outbox;
    private final IncidentManagement incidents;
    private final Clock clock;
    private final Timeline timeline;

    PagingListener(
            PagerDutySettings settings,
            PagingRoutes routes,
            PagingStore store,
            Outbox outbox,
            IncidentManagement incidents,
            Clock clock,
            Timeline timeline) {
        this.timeline = timeline;
        this.settings = settings;
        this.routes = routes;
        this.store = store;
        this.outbox = outbox;
        this.incidents = incidents;
        this.clock = clock;
    }

    @EventListener
    void on(IncidentOpened e) {
        if (settings.enabled()) {
            pageIfRouted(incidents.get(e.incidentId()));
        }
    }

    @EventListener
    void on(SeverityChanged e) {
        if (!settings.enabled()) {
            return;
        }
        if (store.find(e.incidentId()).isPresent()) {
            if (!e.actor().is(Actor.PAGERDUTY)) {
                note(
                        e.incidentId(),
                        "Severity changed from " + e.from() + " to " + e.to() + " by "
                                + e.actor().name());
            }
            return;
        }
        Incident incident = incidents.get(e.incidentId());
        if (incident.getStatus().isOpen()) {
            pageIfRouted(incident);
        }
    }

    @EventListener
    void on(IncidentStatusChanged e) {
        if (!settings.enabled() || e.actor().is(Actor.PAGERDUTY)) {
            return;
        }
        if (store.find(e.incidentId()).isEmpty()) {
            if (e.to() == IncidentStatus.TRIGGERED) {
                pageIfRouted(incidents.get(e.incidentId())); // re-opened, never paged before
            }
            return;
        }
        UUID id = e.incidentId();
        if (e.from() == IncidentStatus.RESOLVED && e.to() == IncidentStatus.TRIGGERED) {
            outbox.enqueue(
                    PagingTasks.RETRIGGER,
                    PagingTasks.queue(id),
                    "pd:retrigger:" + id + ":" + e.at().toEpochMilli(),
                    id,
                    new PagingTasks.IncidentTask(id));
        } else if (e.to() == IncidentStatus.RESOLVED) {
            outbox.enqueue(PagingTasks.RESOLVE, PagingTasks.queue(id), null, id, new PagingTasks.IncidentTask(id));
        } else if (e.from() == IncidentStatus.TRIGGERED && e.to() != IncidentStatus.TRIGGERED) {
            outbox.enqueue(PagingTasks.ACKNOWLEDGE, PagingTasks.queue(id), null, id, new PagingTasks.IncidentTask(id));
        }
        String text = "Status " + e.from() + " → " + e.to() + " by " + e.actor().name()
                + (e.reason() == null || e.reason().isBlank() ? "" : ": " + e.reason());
        note(id, text);
    }

    /** Notes people add in Firebreak become notes on the PagerDuty incident; PagerDuty's own notes are not echoed. */
    @EventListener
    void on(NoteAdded e) {
        if (settings.enabled()
                && !e.actor().is(Actor.PAGERDUTY)
                && store.find(e.incidentId()).isPresent()) {
            note(e.incidentId(), "Note by " + e.actor().name() + ": " + e.text());
        }
    }

    private void pageIfRouted(Incident incident) {
        if (incident.isDrill() && routes.forDrill().isEmpty()) {
            // A drill never pages real people: what would have been paged goes on the timeline only.
            routes.route(incident.getSeverity(), incident.getLabels())
                    .ifPresent(route -> timeline.record(NewTimelineEntry.of(
                                    incident.getId(),
                                    clock.instant(),
                                    TimelineKinds.PAGE,
                                    Actor.system(),
                                    "Drill: would have paged " + route.describe() + " via PagerDuty; nobody was paged")
                            .withDedupKey("drill-page:" + incident.getId())));
            return;
        }
        routes.route(incident).ifPresent(route -> {
            UUID id = incident.getId();
            if (!store.insertRequested(id, route, clock.instant())) {
                return;
            }
            outbox.enqueue(
                    PagingTasks.TRIGGER,
                    PagingTasks.queue(id),
                    "pd:trigger:" + id,
                    id,
                    new PagingTasks.IncidentTask(id));
            if (settings.hasApiToken()) {
                outbox.enqueue(
                        PagingTasks.LINK,
                        PagingTasks.linkQueue(id),
                        "pd:link:" + id,
                        id,
                        new PagingTasks.IncidentTask(id));
                if (route.hasEscalationPolicy()) {
                    outbox.enqueue(
                            PagingTasks.INVITE_ONCALL,
                            PagingTasks.queue(id),
                            "pd:invite:" + id,
                            id,
                            new PagingTasks.IncidentTask(id));
                }
            }
        });
    }

    private void note(UUID id, String text) {
        if (settings.hasApiToken()) {
            outbox.enqueue(
                    PagingTasks.NOTE,
                    PagingTasks.noteQueue(id),
                    null,
                    id,
                    new PagingTasks.NoteTask(id, PagingTasks.NOTE_PREFIX + text));
        }
    }
}
