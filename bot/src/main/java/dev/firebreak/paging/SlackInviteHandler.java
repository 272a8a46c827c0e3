package dev.firebreak.paging;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.conversations.ConversationsInviteResponse;
import dev.firebreak.incident.Actor;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentManagement;
import dev.firebreak.slack.SlackApi;
import dev.firebreak.slack.SlackOutcomes;
import dev.firebreak.system.outbox.Outbox;
import dev.firebreak.system.outbox.OutboxHandler;
import dev.firebreak.system.outbox.OutboxResult;
import dev.firebreak.system.outbox.OutboxTask;
import dev.firebreak.timeline.NewTimelineEntry;
import dev.firebreak.timeline.Timeline;
import dev.firebreak.timeline.TimelineKinds;
import java.io.IOException;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * {@code pagerduty.slack-invite} (on the incident's Slack queue): {@code conversations.invite} of the paged
 * on-call people. Retries while the incident has no channel yet (bounded: Slack may be off for this incident).
 */
@Component
class SlackInviteHandler implements OutboxHandler {

    static final int MAX_WAIT_ATTEMPTS = 30;

    private final SlackApi slack;
    private final IncidentManagement incidents;
    private final Timeline timeline;
    private final Clock clock;

    SlackInviteHandler(SlackApi slack, IncidentManagement incidents, Timeline timeline, Clock clock) {
        this.slack = slack;
        this.incidents = incidents;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return PagingTasks.SLACK_INVITE;
    }

    @Override
    public OutboxResult handle(OutboxTask task) {
        PagingTasks.SlackInviteTask invite = Outbox.payload(task, PagingTasks.SlackInviteTask.class);
        Incident incident = incidents.get(invite.incidentId());
        String channel = incident.getSlackChannelId();
        if (channel == null) {
            return task.getAttempts() < MAX_WAIT_ATTEMPTS
                    ? OutboxResult.retry("incident channel does not exist yet")
                    : OutboxResult.failed("on-call not invited: the incident never got a Slack channel");
        }
        try {
            ConversationsInviteResponse response = slack.methods()
                    .conversationsInvite(r -> r.channel(channel).users(invite.userIds()).force(true));
            OutboxResult result = SlackOutcomes.of("conversations.invite", response);
            if (result instanceof OutboxResult.Done) {
                timeline.record(NewTimelineEntry.of(incident.getId(), clock.instant(), TimelineKinds.PAGE,
                        Actor.system(), "Invited on-call " + String.join(", ", invite.names()) + " into the channel")
                        .withDedupKey("pd:invited:" + task.getId()));
            }
            return result;
        } catch (SlackApiException | IOException e) {
            return SlackOutcomes.of("conversations.invite", e, clock);
        }
    }
}
