package dev.firebreak.paging;

import com.slack.api.methods.SlackApiException;
import dev.firebreak.integrations.pagerduty.OnCall;
import dev.firebreak.integrations.pagerduty.OnCallQuery;
import dev.firebreak.integrations.pagerduty.PagerDutyClient;
import dev.firebreak.integrations.pagerduty.PagerDutyException;
import dev.firebreak.slack.SlackActions;
import dev.firebreak.slack.SlackOutcomes;
import dev.firebreak.system.outbox.Outbox;
import dev.firebreak.system.outbox.OutboxHandler;
import dev.firebreak.system.outbox.OutboxResult;
import dev.firebreak.system.outbox.OutboxTask;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code pagerduty.invite-oncall}: after the page, resolves who is on call now for the incident's escalation
 * policy (levels up to {@code invite-levels}) -> their emails -> Slack user ids, and enqueues a
 * {@link PagingTasks#SLACK_INVITE} on the incident's Slack queue, where it runs after the channel exists.
 */
@Component
class InviteOnCallHandler implements OutboxHandler {

    private final PagerDutyClient client;
    private final PagerDutySettings settings;
    private final PagingStore store;
    private final SlackUsers slackUsers;
    private final Outbox outbox;
    private final TransactionTemplate tx;
    private final Clock clock;

    InviteOnCallHandler(PagerDutyClient client, PagerDutySettings settings, PagingStore store, SlackUsers slackUsers,
                        Outbox outbox, TransactionTemplate tx, Clock clock) {
        this.client = client;
        this.settings = settings;
        this.store = store;
        this.slackUsers = slackUsers;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return PagingTasks.INVITE_ONCALL;
    }

    @Override
    public OutboxResult handle(OutboxTask task) {
        UUID id = Outbox.payload(task, PagingTasks.IncidentTask.class).incidentId();
        Optional<PagingState> state = store.find(id);
        if (state.isEmpty() || !state.get().triggered() || state.get().escalationPolicy() == null
                || !slackUsers.enabled() || !settings.hasApiToken()) {
            return OutboxResult.done();
        }
        try {
            List<OnCall> onCalls = client.listOnCalls(OnCallQuery.forEscalationPolicies(
                    List.of(state.get().escalationPolicy())));
            Map<String, String> slackIds = new LinkedHashMap<>();
            for (OnCall onCall : onCalls) {
                if (onCall.escalationLevel() > Math.max(1, settings.inviteLevels()) || onCall.userEmail() == null) {
                    continue;
                }
                slackUsers.idForEmail(onCall.userEmail()).ifPresent(u -> slackIds.putIfAbsent(u, onCall.userSummary()));
            }
            if (slackIds.isEmpty()) {
                return OutboxResult.done();
            }
            PagingTasks.SlackInviteTask invite = new PagingTasks.SlackInviteTask(id, List.copyOf(slackIds.keySet()),
                    List.copyOf(slackIds.values()));
            tx.executeWithoutResult(s -> outbox.enqueue(PagingTasks.SLACK_INVITE, SlackActions.queueKey(id),
                    "pd:slack-invite:" + id, id, invite));
            return OutboxResult.done();
        } catch (PagerDutyException e) {
            return PagerDutyOutcomes.of("on-call lookup", e, clock);
        } catch (SlackApiException | IOException e) {
            return SlackOutcomes.of("users.lookupByEmail", e, clock);
        } catch (SlackUsers.SlackLookupException e) {
            return OutboxResult.retry(e.getMessage());
        }
    }
}
