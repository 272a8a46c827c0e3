package dev.firebreak.slack.delivery;

import com.slack.api.methods.response.conversations.ConversationsUnarchiveResponse;
import dev.firebreak.slack.SlackApi;
import dev.firebreak.system.outbox.Outbox;
import dev.firebreak.system.outbox.OutboxHandler;
import dev.firebreak.system.outbox.OutboxResult;
import dev.firebreak.system.outbox.OutboxTask;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** On re-open, brings the channel back if we archived it (best effort: a refusal is a timeline warning). */
@Component
class UnarchiveHandler implements OutboxHandler {

    private final SlackDeliveryContext ctx;

    UnarchiveHandler(SlackDeliveryContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public String kind() {
        return SlackTasks.UNARCHIVE;
    }

    @Override
    public OutboxResult handle(OutboxTask task) {
        UUID id = Outbox.payload(task, SlackTasks.IncidentTask.class).incidentId();
        Optional<SlackChannels.Row> row = ctx.channel(id);
        if (row.isEmpty() || !row.get().archived()) {
            return OutboxResult.done();
        }
        String channel = row.get().channelId();
        SlackApi.Answer<ConversationsUnarchiveResponse> answer =
                ctx.calls.call("conversations.unarchive", null, m -> m.conversationsUnarchive(r -> r.channel(channel)));
        if (answer.done() || "not_archived".equals(answer.error())) {
            ctx.channels.archived(id, false);
            return OutboxResult.done();
        }
        return answer.result();
    }
}
