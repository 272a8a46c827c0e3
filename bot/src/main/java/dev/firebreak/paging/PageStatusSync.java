package dev.firebreak.paging;

import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentManagement;
import dev.firebreak.integrations.pagerduty.PagerDutyClient;
import dev.firebreak.integrations.pagerduty.PagerDutyException;
import dev.firebreak.system.outbox.Outbox;
import dev.firebreak.system.outbox.OutboxResult;
import dev.firebreak.system.outbox.OutboxTask;
import dev.firebreak.system.pacing.Priority;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Sends a Firebreak acknowledge/resolve to PagerDuty: Events v2 with the incident's dedup_key when its route
 * has a routing key, else REST {@code PUT /incidents/{id}} once the PagerDuty incident id is known. Nothing
 * is sent for an incident whose trigger never succeeded.
 */
@Component
class PageStatusSync {

    enum Action {
        ACKNOWLEDGE,
        RESOLVE
    }

    private final PagerDutyClient client;
    private final PagingRoutes routes;
    private final PagingStore store;
    private final IncidentManagement incidents;
    private final Clock clock;
    private final PagerDutyPacing pacing;

    PageStatusSync(
            PagerDutyClient client,
            PagingRoutes routes,
            PagingStore store,
            IncidentManagement incidents,
            Clock clock,
            PagerDutyPacing pacing) {
        this.client = client;
        this.routes = routes;
        this.store = store;
        this.incidents = incidents;
        this.clock = clock;
        this.pacing = pacing;
    }

    OutboxResult run(OutboxTask task, Action action) {
        UUID id = Outbox.payload(task, PagingTasks.IncidentTask.class).incidentId();
        Optional<PagingState> state = store.find(id);
        if (state.isEmpty() || !state.get().triggered()) {
            return OutboxResult.done();
        }
        String what = action.name().toLowerCase(java.util.Locale.ROOT);
        String routingKey = null;
        try {
            Incident incident = incidents.get(id);
            Optional<Route> route = routes.named(state.get().routeName()).or(() -> routes.route(incident));
            if (route.isPresent() && route.get().hasRoutingKey()) {
                routingKey = route.get().routingKey();
                Optional<OutboxResult> wait = pacing.event(routingKey, what, Priority.NORMAL);
                if (wait.isPresent()) {
                    return wait.get();
                }
                if (action == Action.ACKNOWLEDGE) {
                    client.acknowledge(route.get().routingKey(), state.get().dedupKey());
                } else {
                    client.resolve(route.get().routingKey(), state.get().dedupKey());
                }
                return OutboxResult.done();
            }
            String pdId = state.get().pdIncidentId();
            if (pdId == null) {
                return task.getAttempts() < 10
                        ? OutboxResult.retry("PagerDuty " + what + ": PagerDuty incident id not known yet")
                        : OutboxResult.failed(
                                "PagerDuty " + what + ": no routing key and PagerDuty incident id unknown");
            }
            Optional<OutboxResult> wait = pacing.rest(what, Priority.NORMAL);
            if (wait.isPresent()) {
                return wait.get();
            }
            if (action == Action.ACKNOWLEDGE) {
                client.acknowledgeIncident(pdId);
            } else {
                client.resolveIncident(pdId);
            }
            return OutboxResult.done();
        } catch (PagerDutyException e) {
            if (routingKey != null) {
                pacing.eventFailed(routingKey, e);
            } else {
                pacing.restFailed(e);
            }
            return PagerDutyOutcomes.of(what, e, clock);
        }
    }
}
