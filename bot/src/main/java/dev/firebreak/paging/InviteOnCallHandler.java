package dev.firebreak.paging;

import dev.firebreak.integrations.pagerduty.OnCall;
import dev.firebreak.integrations.pagerduty.OnCallQuery;
import dev.firebreak.integrations.pagerduty.PagerDutyClient;
import dev.firebreak.integrations.pagerduty.PagerDutyException;
import dev.firebreak.slack.SlackInvites;
import dev.firebreak.slack.SlackUsers;
import dev.firebreak.system.outbox.Outbox;
import dev.firebreak.system.outbox.OutboxHandler;
import dev.firebreak.system.outbox.OutboxResult;
import dev.firebreak.system.outbox.OutboxTask;
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
 * Slack invite ({@link SlackInvites}) on the incident's Slack queue, where it runs after the channel exists.
 */
@Component
class InviteOnCallHandler implements OutboxHandler {

    private final PagerDutyClient client;
    private final PagerDutySettings settings;
    private final PagingStore store;
    private final SlackUsers slackUsers;
    private final SlackInvites invites;
    private final TransactionTemplate tx;
    private final Clock clock;

    InviteOnCallHandler(
            PagerDutyClient client,
            PagerDutySettings settings,
            PagingStore store,
            SlackUsers slackUsers,
            SlackInvites invites,
            TransactionTemplate tx,
            Clock clock) {
        this.client = client;
        this.settings = settings;
        this.store = store;
        this.slackUsers = slackUsers;
        this.invites = invites;
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
        if (state.isEmpty()
                || !state.get().triggered()
                || state.get().escalationPolicy() == null
                || !slackUsers.enabled()
                || !settings.hasApiToken()) {
            return OutboxResult.done();
        }
        try {
            List<OnCall> onCalls = client.listOnCalls(
                    OnCallQuery.forEscalationPolicies(List.of(state.get().escalationPolicy())));
            Map<String, String> slackIds = new LinkedHashMap<>();
            for (OnCall onCall : onCalls) {
                if (onCall.escalationLevel() > Math.max(1, settings.inviteLevels()) || onCall.userEmail() == null) {
                    continue;
                }
                slackUsers
                        .idForEmail(onCall.userEmail(), settings.onCallCacheTtl())
                        .ifPresent(u -> slackIds.putIfAbsent(u, onCall.userSummary()));
            }
            if (slackIds.isEmpty()) {
                return OutboxResult.done();
            }
            String note = "Invited on-call " + String.join(", ", slackIds.values()) + " into the channel";
            tx.executeWithoutResult(
                    s -> invites.invite(id, List.copyOf(slackIds.keySet()), note, "pd:slack-invite:" + id));
            return OutboxResult.done();
        } catch (PagerDutyException e) {
            return PagerDutyOutcomes.of("on-call lookup", e, clock);
        } catch (SlackUsers.LookupFailed e) {
            return e.result();
        }
    }
}
