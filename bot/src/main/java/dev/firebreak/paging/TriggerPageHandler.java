package dev.firebreak.paging;

import dev.firebreak.incident.Actor;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentManagement;
import dev.firebreak.incident.IncidentQueries;
import dev.firebreak.integrations.pagerduty.NewPagerDutyIncident;
import dev.firebreak.integrations.pagerduty.PagerDutyClient;
import dev.firebreak.integrations.pagerduty.PagerDutyException;
import dev.firebreak.integrations.pagerduty.PagerDutyIncident;
import dev.firebreak.metrics.IncidentMetrics;
import dev.firebreak.system.outbox.Outbox;
import dev.firebreak.system.outbox.OutboxHandler;
import dev.firebreak.system.outbox.OutboxResult;
import dev.firebreak.system.outbox.OutboxTask;
import dev.firebreak.system.pacing.Priority;
import dev.firebreak.timeline.NewTimelineEntry;
import dev.firebreak.timeline.Timeline;
import dev.firebreak.timeline.TimelineKinds;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code pagerduty.trigger}: pages the incident's route. With a routing key through Events v2 (dedup_key
 * {@code firebreak-<uuid>}, so PagerDuty never opens two incidents for it); with only an escalation policy
 * through REST {@code POST /incidents} (incident_key = the same key). Records "Paged ... via PagerDuty".
 */
@Component
class TriggerPageHandler implements OutboxHandler {

    private final PagerDutyClient client;
    private final PagerDutySettings settings;
    private final PagingRoutes routes;
    private final PagingStore store;
    private final IncidentManagement incidents;
    private final IncidentQueries queries;
    private final Timeline timeline;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Outbox outbox;
    private final IncidentMetrics metrics;
    private final PagerDutyPacing pacing;

    TriggerPageHandler(
            PagerDutyClient client,
            PagerDutySettings settings,
            PagingRoutes routes,
            PagingStore store,
            IncidentManagement incidents,
            IncidentQueries queries,
            Timeline timeline,
            TransactionTemplate tx,
            Clock clock,
            Outbox outbox,
            IncidentMetrics metrics,
            PagerDutyPacing pacing) {
        this.client = client;
        this.settings = settings;
        this.routes = routes;
        this.store = store;
        this.incidents = incidents;
        this.queries = queries;
        this.timeline = timeline;
        this.tx = tx;
        this.clock = clock;
        this.outbox = outbox;
        this.metrics = metrics;
        this.pacing = pacing;
    }

    @Override
    public String kind() {
        return PagingTasks.TRIGGER;
    }

    @Override
    public OutboxResult handle(OutboxTask task) {
        return page(task, false);
    }

    /**
     * @param again a re-opened incident pages again (same dedup_key: PagerDuty opens a new incident, as the
     *              previous one is resolved), if its current severity still pages
     */
    OutboxResult page(OutboxTask task, boolean again) {
        UUID id = Outbox.payload(task, PagingTasks.IncidentTask.class).incidentId();
        Optional<PagingState> state = store.find(id);
        if (state.isEmpty() || (!again && state.get().triggered())) {
            return OutboxResult.done();
        }
        Incident incident = incidents.get(id);
        if (!incident.getStatus().isOpen()) {
            record(
                    id,
                    "Not paged: " + incident.reference() + " was resolved before PagerDuty could be reached",
                    "pd:not-paged:" + task.getId(),
                    null);
            return OutboxResult.done();
        }
        if (again && routes.route(incident).isEmpty()) {
            return OutboxResult.done();
        }
        Optional<Route> route = routes.named(state.get().routeName()).or(() -> routes.route(incident));
        if (route.isEmpty()) {
            return OutboxResult.failed(
                    "PagerDuty trigger: route '" + state.get().routeName() + "' is no longer configured");
        }
        String dedupKey = state.get().dedupKey();
        try {
            PagerDutyIncident created = null;
            Optional<OutboxResult> wait = route.get().hasRoutingKey()
                    ? pacing.event(route.get().routingKey(), again ? "retrigger" : "trigger", Priority.HIGH)
                    : pacing.rest("trigger", Priority.HIGH);
            if (wait.isPresent()) {
                return wait.get();
            }
            if (route.get().hasRoutingKey()) {
                client.trigger(PagerDutyEvents.trigger(
                        queries.view(incident), route.get().routingKey(), dedupKey, settings.incidentUrl()));
            } else {
                created = createByRest(incident, route.get(), dedupKey);
                if (created == null) {
                    return OutboxResult.failed(
                            "PagerDuty trigger: route " + route.get().name()
                                    + " has no routing key, and no API token and service id to create an incident");
                }
            }
            PagerDutyIncident pd = created;
            Instant now = clock.instant();
            tx.executeWithoutResult(s -> {
                store.markTriggered(id, now);
                if (again) {
                    store.forgetPagerDutyIncident(id, now);
                    if (pd == null && settings.hasApiToken()) {
                        outbox.enqueue(
                                PagingTasks.LINK,
                                PagingTasks.linkQueue(id),
                                "pd:link:" + id + ":" + task.getId(),
                                id,
                                new PagingTasks.IncidentTask(id));
                    }
                }
                if (pd != null) {
                    store.link(
                            new PagingLink(
                                    pd.id(), id, PagingLink.TRIGGER, route.get().name(), pd.htmlUrl()),
                            now);
                }
                record(
                        id,
                        (again ? "Paged again: " : "Paged ") + route.get().describe() + " via PagerDuty",
                        again ? "pd:paged:" + id + ":" + task.getId() : "pd:paged:" + id,
                        pd == null ? null : pd.htmlUrl());
            });
            metrics.pageSent(incident.getSeverity(), again ? "retrigger" : "trigger", incident.isDrill());
            return OutboxResult.done();
        } catch (PagerDutyException e) {
            if (route.get().hasRoutingKey()) {
                pacing.eventFailed(route.get().routingKey(), e);
            } else {
                pacing.restFailed(e);
            }
            return PagerDutyOutcomes.of("trigger", e, clock);
        }
    }

    private PagerDutyIncident createByRest(Incident incident, Route route, String key) {
        if (!settings.hasApiToken()
                || route.serviceId() == null
                || route.serviceId().isBlank()) {
            return null;
        }
        return client.createIncident(
                NewPagerDutyIncident.of(PagerDutyEvents.summary(queries.view(incident)), route.serviceId())
                        .withIncidentKey(key)
                        .withEscalationPolicy(route.escalationPolicy())
                        .withUrgency(PagerDutyEvents.urgency(incident.getSeverity()))
                        .withDetails(incident.getSummary()));
    }

    private void record(UUID id, String text, String dedupKey, String link) {
        NewTimelineEntry entry = NewTimelineEntry.of(id, clock.instant(), TimelineKinds.PAGE, Actor.system(), text)
                .withDedupKey(dedupKey)
                .asKeyEvent();
        timeline.record(link == null ? entry : entry.withLink(link));
    }
}
