package dev.firebreak.paging;

import dev.firebreak.incident.Actor;
import dev.firebreak.incident.IncidentQueries;
import dev.firebreak.incident.IncidentView;
import dev.firebreak.integrations.pagerduty.NewPagerDutyIncident;
import dev.firebreak.integrations.pagerduty.PagerDutyClient;
import dev.firebreak.integrations.pagerduty.PagerDutyException;
import dev.firebreak.integrations.pagerduty.PagerDutyIncident;
import dev.firebreak.integrations.pagerduty.PagerDutyUser;
import dev.firebreak.integrations.pagerduty.TriggerEvent;
import dev.firebreak.integrations.pagerduty.Urgency;
import dev.firebreak.metrics.IncidentMetrics;
import dev.firebreak.slack.SlackUsers;
import dev.firebreak.system.outbox.Outbox;
import dev.firebreak.system.outbox.OutboxHandler;
import dev.firebreak.system.outbox.OutboxResult;
import dev.firebreak.system.outbox.OutboxTask;
import dev.firebreak.system.pacing.Priority;
import dev.firebreak.timeline.NewTimelineEntry;
import dev.firebreak.timeline.Timeline;
import dev.firebreak.timeline.TimelineKinds;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code pagerduty.page}: a page from {@code /incident page}. A team pages through REST {@code POST /incidents}
 * on its escalation policy (or, without API token/service, an Events trigger with its routing key); a person
 * through Slack user -> email -> PagerDuty user -> REST {@code POST /incidents} assigned to them. The incident
 * key {@code firebreak-<uuid>-page-<task id>} makes retries safe.
 */
@Component
class ManualPageHandler implements OutboxHandler {

    private final PagerDutyClient client;
    private final PagerDutySettings settings;
    private final PagingRoutes routes;
    private final PagingStore store;
    private final SlackUsers slackUsers;
    private final IncidentQueries incidents;
    private final Timeline timeline;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final IncidentMetrics metrics;
    private final PagerDutyPacing pacing;

    ManualPageHandler(
            PagerDutyClient client,
            PagerDutySettings settings,
            PagingRoutes routes,
            PagingStore store,
            SlackUsers slackUsers,
            IncidentQueries incidents,
            Timeline timeline,
            TransactionTemplate tx,
            Clock clock,
            IncidentMetrics metrics,
            PagerDutyPacing pacing) {
        this.client = client;
        this.settings = settings;
        this.routes = routes;
        this.store = store;
        this.slackUsers = slackUsers;
        this.incidents = incidents;
        this.timeline = timeline;
        this.tx = tx;
        this.clock = clock;
        this.metrics = metrics;
        this.pacing = pacing;
    }

    @Override
    public String kind() {
        return PagingTasks.PAGE;
    }

    @Override
    public OutboxResult handle(OutboxTask task) {
        PagingTasks.PageTask page = Outbox.payload(task, PagingTasks.PageTask.class);
        IncidentView incident = incidents.view(page.incidentId());
        String key = PagingState.dedupKeyOf(incident.id()) + "-page-" + task.getId();
        String title = PagerDutyEvents.summary(incident);
        String details = (page.message() == null ? "" : page.message() + "\n\n") + "Paged from Slack by "
                + page.requestedBy() + " for " + incident.reference() + ".";
        Urgency urgency = PagerDutyEvents.urgency(incident.severity());
        try {
            PagerDutyIncident created;
            String target;
            if (page.slackUserId() != null) {
                Optional<String> email = slackUsers.emailOf(page.slackUserId());
                if (email.isEmpty()) {
                    return OutboxResult.failed("page: Slack user " + page.slackUserId() + " has no readable email");
                }
                Optional<PagerDutyUser> user = client.userByEmail(email.get());
                if (user.isEmpty()) {
                    return OutboxResult.failed(
                            "page: no PagerDuty user with the email of Slack user " + page.slackUserId());
                }
                target = user.get().name();
                Optional<OutboxResult> wait = pacing.rest("page", Priority.HIGH);
                if (wait.isPresent()) {
                    return wait.get();
                }
                created = client.createIncident(NewPagerDutyIncident.of(title, settings.serviceId())
                        .withIncidentKey(key)
                        .withUrgency(urgency)
                        .withDetails(details)
                        .withAssignees(List.of(user.get().id())));
            } else {
                Optional<Route> route = routes.forTeam(page.team());
                if (route.isEmpty()) {
                    return OutboxResult.failed("page: team '" + page.team() + "' is no longer configured");
                }
                target = route.get().describe();
                if (route.get().hasEscalationPolicy()
                        && settings.hasApiToken()
                        && !PagerDutySettings.blank(route.get().serviceId())) {
                    Optional<OutboxResult> wait = pacing.rest("page", Priority.HIGH);
                    if (wait.isPresent()) {
                        return wait.get();
                    }
                    created = client.createIncident(
                            NewPagerDutyIncident.of(title, route.get().serviceId())
                                    .withIncidentKey(key)
                                    .withUrgency(urgency)
                                    .withDetails(details)
                                    .withEscalationPolicy(route.get().escalationPolicy()));
                } else if (route.get().hasRoutingKey()) {
                    Optional<OutboxResult> wait = pacing.event(route.get().routingKey(), "page", Priority.HIGH);
                    if (wait.isPresent()) {
                        return wait.get();
                    }
                    TriggerEvent event =
                            PagerDutyEvents.trigger(incident, route.get().routingKey(), key, settings.incidentUrl());
                    client.trigger(
                            page.message() == null
                                    ? event
                                    : TriggerEvent.of(
                                                    event.routingKey(),
                                                    key,
                                                    title + ": " + page.message(),
                                                    event.source(),
                                                    event.severity())
                                            .withCustomDetails(event.customDetails())
                                            .withLinks(event.links()));
                    created = null;
                } else {
                    return OutboxResult.failed(
                            "page: team '" + page.team() + "' cannot be paged with this configuration");
                }
            }
            PagerDutyIncident pd = created;
            tx.executeWithoutResult(s -> {
                if (pd != null) {
                    store.link(
                            new PagingLink(pd.id(), incident.id(), PagingLink.PAGE, target, pd.htmlUrl()),
                            clock.instant());
                }
                NewTimelineEntry entry = NewTimelineEntry.of(
                                incident.id(),
                                clock.instant(),
                                TimelineKinds.PAGE,
                                Actor.system(),
                                "Paged " + target + " via PagerDuty"
                                        + (pd != null && pd.number() != null ? " (#" + pd.number() + ")" : ""))
                        .withDedupKey("pd:page:" + task.getId());
                timeline.record(pd != null && pd.htmlUrl() != null ? entry.withLink(pd.htmlUrl()) : entry);
            });
            metrics.pageSent(incident.severity(), "manual", incident.drill());
            return OutboxResult.done();
        } catch (PagerDutyException e) {
            return PagerDutyOutcomes.of("page", e, clock);
        } catch (SlackUsers.LookupFailed e) {
            return e.result();
        }
    }
}
