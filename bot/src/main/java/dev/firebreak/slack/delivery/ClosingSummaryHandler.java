package dev.firebreak.slack.delivery;

import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import dev.firebreak.incident.IncidentStatus;
import dev.firebreak.slack.SlackApi;
import dev.firebreak.system.outbox.Outbox;
import dev.firebreak.system.outbox.OutboxHandler;
import dev.firebreak.system.outbox.OutboxResult;
import dev.firebreak.system.outbox.OutboxTask;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Posts the closing summary (time to acknowledge, mitigate, resolve) in the incident channel. */
@Component
class ClosingSummaryHandler implements OutboxHandler {

    private final SlackDeliveryContext ctx;

    ClosingSummaryHandler(SlackDeliveryContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public String kind() {
        return SlackTasks.CLOSING_SUMMARY;
    }

    @Override
    public OutboxResult handle(OutboxTask task) {
        UUID id = Outbox.payload(task, SlackTasks.IncidentTask.class).incidentId();
        Optional<SlackChannels.Row> row = ctx.channel(id);
        IncidentView view = ctx.view(id);
        if (row.isEmpty() || view.status() != IncidentStatus.RESOLVED) {
            return OutboxResult.done(); // no channel, or re-opened before the summary went out
        }
        String channel = row.get().channelId();
        String text = SlackMessages.closingSummary(view);
        if (task.getAttempts() > 1) {
            String head = SlackMessages.closingHead(view);
            // a minute of margin for clock skew between us and Slack
            String oldest = view.resolvedAt().getEpochSecond() - 60 + ".000000";
            SlackDeliveryContext.Lookup earlier = ctx.findPosted(
                    channel,
                    oldest,
                    msg -> msg.getText() != null && msg.getText().startsWith(head));
            if (earlier.retry() != null) {
                return earlier.retry();
            }
            if (earlier.ts() != null) {
                return OutboxResult.done();
            }
        }
        SlackApi.Answer<ChatPostMessageResponse> posted = ctx.calls.call(
                "chat.postMessage",
                channel,
                m -> m.chatPostMessage(r -> r.channel(channel).text(text).unfurlLinks(false)));
        return posted.result();
    }
}
