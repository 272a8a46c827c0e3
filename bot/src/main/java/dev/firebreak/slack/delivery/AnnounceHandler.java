package dev.firebreak.slack.delivery;

import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import dev.firebreak.slack.SlackApi;
import dev.firebreak.system.outbox.Outbox;
import dev.firebreak.system.outbox.OutboxHandler;
import dev.firebreak.system.outbox.OutboxResult;
import dev.firebreak.system.outbox.OutboxTask;
import dev.firebreak.system.pacing.Priority;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Announces a new incident in {@code firebreak.slack.announce-channel}, linking to its channel. Once. */
@Component
class AnnounceHandler implements OutboxHandler {

    private final SlackDeliveryContext ctx;
    private final AnnounceChannel announceChannel;

    AnnounceHandler(SlackDeliveryContext ctx, AnnounceChannel announceChannel) {
        this.ctx = ctx;
        this.announceChannel = announceChannel;
    }

    @Override
    public String kind() {
        return SlackTasks.ANNOUNCE;
    }

    /**
     * Exactly once: the ts is stored right after the post; an attempt after one whose answer we never saw
     * (timeout, dropped connection, crash, database down while storing the ts) first looks for the
     * announcement in the channel's history, by channel id. If the history cannot be read, the task fails
     * with a timeline warning rather than risk a second announcement.
     */
    @Override
    public OutboxResult handle(OutboxTask task) {
        UUID id = Outbox.payload(task, SlackTasks.IncidentTask.class).incidentId();
        Optional<SlackChannels.Row> row = ctx.channel(id);
        if (row.isEmpty() || row.get().announceTs() != null || !announceChannel.configured()) {
            return OutboxResult.done();
        }
        AnnounceChannel.Resolved channel = announceChannel.resolve();
        if (channel.id() == null) {
            return channel.result();
        }
        String target = channel.id();
        IncidentView view = ctx.view(id);
        String text = SlackMessages.announcement(view, row.get().channelId());
        if (task.getAttempts() > 1) {
            String link = "<#" + row.get().channelId() + ">";
            String ref = "*" + view.reference() + "*";
            SlackDeliveryContext.Lookup earlier = ctx.findPosted(
                    target,
                    null,
                    msg -> msg.getText() != null
                            && msg.getText().contains(link)
                            && msg.getText().contains(ref));
            if (earlier.retry() != null) {
                return earlier.retry();
            }
            if (earlier.ts() != null) {
                ctx.channels.announced(id, earlier.ts());
                return OutboxResult.done();
            }
            if (!earlier.checked()) {
                return OutboxResult.failed("cannot read the history of the announce channel to check whether the "
                        + "announcement went out; not posting it again");
            }
        }
        SlackApi.Answer<ChatPostMessageResponse> posted = ctx.calls.call(
                "chat.postMessage",
                target,
                Priority.HIGH,
                m -> m.chatPostMessage(r -> r.channel(target).text(text).unfurlLinks(false)));
        if (posted.ok()) {
            ctx.channels.announced(id, posted.response().getTs());
        }
        return posted.result();
    }
}
