package dev.firebreak.paging;

import dev.firebreak.incident.Actor;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentManagement;
import dev.firebreak.incident.IncidentStatus;
import dev.firebreak.timeline.NewTimelineEntry;
import dev.firebreak.timeline.Timeline;
import dev.firebreak.timeline.TimelineKinds;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies one verified PagerDuty webhook event to the Firebreak incident it belongs to, in one transaction:
 * the event id is remembered (a redelivery is not applied twice), acknowledgements and resolutions of the
 * incident's own page move it through {@link IncidentManagement} as a pagerduty actor (so nothing is echoed
 * back), and everything shows on the timeline. Calls nothing outside the database.
 */
@Service
class PagerDutyWebhookIntake {

    enum Outcome {
        APPLIED,
        DUPLICATE,
        UNKNOWN_INCIDENT
    }

    private final PagingStore store;
    private final IncidentManagement incidents;
    private final Timeline timeline;
    private final Clock clock;

    PagerDutyWebhookIntake(PagingStore store, IncidentManagement incidents, Timeline timeline, Clock clock) {
        this.store = store;
        this.incidents = incidents;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Transactional
    public Outcome accept(PagerDutyWebhookEvent event) {
        Instant now = clock.instant();
        Optional<PagingLink> link = mapToIncident(event, now);
        if (link.isEmpty()) {
            return Outcome.UNKNOWN_INCIDENT;
        }
        UUID id = link.get().incidentId();
        if (!store.recordWebhookEvent(event.id(), truncate(event.type(), 64), event.pdIncidentId(), id, now)) {
            return Outcome.DUPLICATE;
        }
        apply(event, link.get(), now);
        return Outcome.APPLIED;
    }

    private Optional<PagingLink> mapToIncident(PagerDutyWebhookEvent event, Instant now) {
        if (event.pdIncidentId() != null) {
            Optional<PagingLink> known = store.findLink(event.pdIncidentId());
            if (known.isPresent()) {
                return known;
            }
        }
        String key = event.incidentKey();
        if (key == null || !key.startsWith("firebreak-") || key.length() < 46) {
            return Optional.empty();
        }
        UUID id;
        try {
            id = UUID.fromString(key.substring(10, 46));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String triggerKey = PagingState.dedupKeyOf(id);
        PagingLink learned;
        if (event.pdIncidentId() == null) {
            return Optional.empty();
        } else if (key.equals(triggerKey)) {
            Optional<PagingState> state = store.find(id);
            if (state.isEmpty()) {
                return Optional.empty();
            }
            learned = new PagingLink(
                    event.pdIncidentId(), id, PagingLink.TRIGGER, state.get().routeName(), event.htmlUrl());
        } else if (key.startsWith(triggerKey + "-page-")
                && incidents.find(id.toString()).isPresent()) {
            learned = new PagingLink(event.pdIncidentId(), id, PagingLink.PAGE, null, event.htmlUrl());
        } else {
            return Optional.empty();
        }
        store.link(learned, now);
        return Optional.of(learned);
    }

    private void apply(PagerDutyWebhookEvent e, PagingLink link, Instant now) {
        UUID id = link.incidentId();
        Actor actor = Actor.pagerDuty(e.agentId(), e.agentLabel());
        String subject = link.isTrigger()
                ? "PagerDuty incident" + number(e)
                : "Page to " + (link.target() == null ? "PagerDuty" : link.target()) + number(e);
        Incident incident = incidents.get(id);
        switch (e.type()) {
            case "incident.acknowledged" -> {
                boolean moves = link.isTrigger() && incident.getStatus() == IncidentStatus.TRIGGERED;
                record(
                        e,
                        id,
                        TimelineKinds.PAGE_ACKNOWLEDGED,
                        actor,
                        subject + " acknowledged by " + e.agentLabel()
                                + (link.isTrigger() && !moves
                                        ? " (incident already " + incident.getStatus() + ")"
                                        : ""),
                        true);
                if (moves) {
                    incidents.acknowledge(id, actor);
                }
            }
            case "incident.resolved" -> {
                boolean moves = link.isTrigger() && incident.getStatus().isOpen();
                record(
                        e,
                        id,
                        TimelineKinds.PAGE,
                        actor,
                        subject + " resolved in PagerDuty by " + e.agentLabel()
                                + (link.isTrigger() && !moves ? " (incident already resolved)" : ""),
                        false);
                if (moves) {
                    incidents.resolve(id, actor, null);
                }
            }
            case "incident.reassigned" ->
                record(
                        e,
                        id,
                        TimelineKinds.PAGE,
                        actor,
                        subject + " reassigned in PagerDuty to " + names(e) + " by " + e.agentLabel(),
                        false);
            case "incident.escalated" ->
                record(
                        e,
                        id,
                        TimelineKinds.PAGE,
                        actor,
                        subject + " escalated in PagerDuty to " + names(e)
                                + (e.escalationPolicy() == null ? "" : " (" + e.escalationPolicy() + ")"),
                        false);
            case "incident.triggered" ->
                record(
                        e,
                        id,
                        TimelineKinds.PAGE,
                        actor,
                        subject + " triggered in PagerDuty, assigned to " + names(e),
                        false);
            case "incident.annotated" -> {
                if (e.noteContent() != null && !e.noteContent().startsWith(PagingTasks.NOTE_PREFIX.strip())) {
                    record(
                            e,
                            id,
                            TimelineKinds.NOTE,
                            actor,
                            "PagerDuty note by " + e.agentLabel() + ": " + e.noteContent(),
                            false);
                }
            }
            default -> {
                // Other event types (priority, responder requests...) are remembered but not shown.
            }
        }
    }

    private void record(PagerDutyWebhookEvent e, UUID id, String kind, Actor actor, String text, boolean key) {
        NewTimelineEntry entry =
                NewTimelineEntry.of(id, e.occurredAt(), kind, actor, text).withDedupKey("pd-webhook:" + e.id());
        if (e.htmlUrl() != null && e.htmlUrl().startsWith("https://")) {
            entry = entry.withLink(e.htmlUrl());
        }
        timeline.record(key ? entry.asKeyEvent() : entry);
    }

    private static String number(PagerDutyWebhookEvent e) {
        return e.number() == null ? "" : " #" + e.number();
    }

    private static String names(PagerDutyWebhookEvent e) {
        return e.assignees().isEmpty() ? "nobody" : String.join(", ", e.assignees());
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
