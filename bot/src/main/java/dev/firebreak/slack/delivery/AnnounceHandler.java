package dev.firebreak.slack.delivery;

import dev.firebreak.slack.SlackApi;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import dev.firebreak.system.outbox.Outbox;
import dev.firebreak.system.outbox.OutboxHandler;
import dev.firebreak.system.outbox.OutboxResult;
import dev.firebreak.system.outbox.OutboxTask;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Announces a new incident in {@code firebreak.slack.announce-channel}, linking to its channel. Once. */
@Component
class AnnounceHandler implements OutboxHandler {

    private final SlackDeliveryContext ctx;

    AnnounceHandler(SlackDeliveryContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public String kind() {
        return SlackTasks.ANNOUNCE;
    }

    @Override
    public OutboxResult handle(OutboxTask task) {
        UUID id = Outbox.payload(task, SlackTasks.IncidentTask.class).incidentId();
        String target = ctx.settings.announceChannel();
        Optional<SlackChannels.Row> row = ctx.channel(id);
        if (row.isEmpty() || row.get().announceTs() != null || target == null || target.isBlank()) {
            return OutboxResult.done();
        }
        IncidentView view = ctx.view(id);
        String text = SlackMessages.announcement(view, row.get().channelId());
        if (task.getAttempts() > 1) {
            String link = "<#" + row.get().channelId() + ">";
            String ref = "*" + view.reference() + "*";
            SlackDeliveryContext.Lookup earlier = ctx.findPosted(target, null,
                    msg -> msg.getText() != null && msg.getText().contains(link) && msg.getText().contains(ref));
            if (earlier.retry() != null) {
                return earlier.retry();
            }
            if (earlier.ts() != null) {
                ctx.channels.announced(id, earlier.ts());
                return OutboxResult.done();
            }
        }
        SlackApi.Answer<ChatPostMessageResponse> posted = ctx.calls.call("chat.postMessage", target,
                m -> m.chatPostMessage(r -> r.channel(target).text(text).unfurlLinks(false)));
        if (posted.ok()) {
            ctx.channels.announced(id, posted.response().getTs());
        }
        return posted.result();
    }
}
