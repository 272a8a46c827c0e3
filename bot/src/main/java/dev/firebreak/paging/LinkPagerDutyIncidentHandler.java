package dev.firebreak.paging;

import dev.firebreak.integrations.pagerduty.PagerDutyClient;
import dev.firebreak.integrations.pagerduty.PagerDutyException;
import dev.firebreak.integrations.pagerduty.PagerDutyIncident;
import dev.firebreak.system.outbox.Outbox;
import dev.firebreak.system.outbox.OutboxHandler;
import dev.firebreak.system.outbox.OutboxResult;
import dev.firebreak.system.outbox.OutboxTask;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * {@code pagerduty.link-incident}: learns the PagerDuty incident id of our Events trigger with
 * {@code GET /incidents?incident_key=firebreak-<uuid>} (Events are processed asynchronously, so the incident may
 * appear a little later: retried, a bounded number of times). Runs on its own queue so the wait never holds
 * up acknowledge/resolve. Webhooks that carry the incident key link it as well.
 */
@Component
class LinkPagerDutyIncidentHandler implements OutboxHandler {

    static final int MAX_ATTEMPTS = 12;

    private final PagerDutyClient client;
    private final PagingStore store;
    private final PagerDutySettings settings;
    private final Clock clock;

    LinkPagerDutyIncidentHandler(PagerDutyClient client, PagingStore store, PagerDutySettings settings, Clock clock) {
        this.client = client;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return PagingTasks.LINK;
    }

    @Override
    public OutboxResult handle(OutboxTask task) {
        UUID id = Outbox.payload(task, PagingTasks.IncidentTask.class).incidentId();
        Optional<PagingState> state = store.find(id);
        if (!settings.hasApiToken() || state.isEmpty() || state.get().pdIncidentId() != null) {
            return OutboxResult.done();
        }
        if (task.getAttempts() > MAX_ATTEMPTS) {
            // Not an error anyone must act on: webhooks carrying the incident key still link it.
            return OutboxResult.done();
        }
        if (!state.get().triggered()) {
            return OutboxResult.retry("waiting for the PagerDuty trigger");
        }
        try {
            Optional<PagerDutyIncident> found = client.incidentByKey(state.get().dedupKey());
            if (found.isEmpty()) {
                return OutboxResult.retry("PagerDuty has no incident with our incident_key yet");
            }
            store.link(
                    new PagingLink(
                            found.get().id(),
                            id,
                            PagingLink.TRIGGER,
                            state.get().routeName(),
                            found.get().htmlUrl()),
                    clock.instant());
            return OutboxResult.done();
        } catch (PagerDutyException e) {
            return PagerDutyOutcomes.of("incident lookup", e, clock);
        }
    }
}
