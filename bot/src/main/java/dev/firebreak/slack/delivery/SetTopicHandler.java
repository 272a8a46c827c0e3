package dev.firebreak.slack.delivery;

import com.slack.api.methods.response.conversations.ConversationsSetPurposeResponse;
import com.slack.api.methods.response.conversations.ConversationsSetTopicResponse;
import dev.firebreak.incident.IncidentStatus;
import dev.firebreak.slack.SlackApi;
import dev.firebreak.system.outbox.Outbox;
import dev.firebreak.system.outbox.OutboxHandler;
import dev.firebreak.system.outbox.OutboxResult;
import dev.firebreak.system.outbox.OutboxTask;
import dev.firebreak.system.pacing.Priority;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Sets the channel topic (number, severity, status, title) and, once, the purpose with our marker. Runs on the
 * topic's own queue ({@link SlackTasks#topicQueue}), so a refused topic never holds back other Slack work.
 */
@Component
class SetTopicHandler implements OutboxHandler {

    private final SlackDeliveryContext ctx;

    SetTopicHandler(SlackDeliveryContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public String kind() {
        return SlackTasks.SET_TOPIC;
    }

    @Override
    public OutboxResult handle(OutboxTask task) {
        UUID id = Outbox.payload(task, SlackTasks.IncidentTask.class).incidentId();
        Optional<SlackChannels.Row> row = ctx.channel(id);
        if (row.isEmpty()) {
            return OutboxResult.done();
        }
        IncidentView view = ctx.view(id);
        if (row.get().archived()) {
            // Reopened: the unarchive on the incident's queue comes first; resolved: nothing to change.
            return view.status() == IncidentStatus.RESOLVED
                    ? OutboxResult.done()
                    : OutboxResult.retry("waiting for the channel to be unarchived");
        }
        String channel = row.get().channelId();
        if (!row.get().purposeSet()) {
            SlackApi.Answer<ConversationsSetPurposeResponse> purpose = ctx.calls.call(
                    "conversations.setPurpose",
                    null,
                    Priority.LOW,
                    m -> m.conversationsSetPurpose(r -> r.channel(channel).purpose(SlackMessages.purpose(view))));
            if (!purpose.done()) {
                return purpose.result();
            }
            ctx.channels.purposeSet(id);
        }
        SlackApi.Answer<ConversationsSetTopicResponse> topic = ctx.calls.call(
                "conversations.setTopic",
                null,
                Priority.LOW,
                m -> m.conversationsSetTopic(r -> r.channel(channel).topic(SlackMessages.topic(view))));
        return topic.result();
    }
}
