package dev.firebreak.slack.delivery;

import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.pins.PinsAddResponse;
import dev.firebreak.slack.SlackApi;
import dev.firebreak.system.outbox.Outbox;
import dev.firebreak.system.outbox.OutboxHandler;
import dev.firebreak.system.outbox.OutboxResult;
import dev.firebreak.system.outbox.OutboxTask;
import dev.firebreak.system.pacing.Priority;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Posts the status card once (its ts is stored right away) and pins it. */
@Component
class PostCardHandler implements OutboxHandler {

    private final SlackDeliveryContext ctx;

    PostCardHandler(SlackDeliveryContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public String kind() {
        return SlackTasks.POST_CARD;
    }

    @Override
    public OutboxResult handle(OutboxTask task) {
        UUID id = Outbox.payload(task, SlackTasks.IncidentTask.class).incidentId();
        Optional<SlackChannels.Row> found = ctx.channel(id);
        if (found.isEmpty()) {
            return OutboxResult.done();
        }
        SlackChannels.Row row = found.get();
        String channel = row.channelId();
        String ts = row.cardTs();
        if (ts == null && task.getAttempts() > 1) {
            String blockId = StatusCard.blockId(id);
            SlackDeliveryContext.Lookup earlier = ctx.findPosted(
                    channel,
                    null,
                    msg -> msg.getBlocks() != null
                            && msg.getBlocks().stream().anyMatch(b -> blockId.equals(b.getBlockId())));
            if (earlier.retry() != null) {
                return earlier.retry();
            }
            if (earlier.ts() != null) {
                ts = earlier.ts();
                ctx.channels.cardPosted(id, ts, 0, ctx.clock.instant());
            }
        }
        return ts == null ? postAndPin(ctx, id, row) : pin(ctx, channel, ts);
    }

    /** Posts a fresh card rendering the current state, records its ts, and pins it. */
    static OutboxResult postAndPin(SlackDeliveryContext ctx, UUID id, SlackChannels.Row row) {
        String channel = row.channelId();
        long version = row.cardVersion();
        IncidentView view = ctx.view(id);
        SlackApi.Answer<ChatPostMessageResponse> posted = ctx.calls.call(
                "chat.postMessage",
                channel,
                Priority.HIGH,
                m -> m.chatPostMessage(r -> r.channel(channel)
                        .text(StatusCard.text(view))
                        .blocksAsString(SlackDeliveryContext.json(ctx.cardBlocks(view)))
                        .unfurlLinks(false)
                        .unfurlMedia(false)));
        if (!posted.ok()) {
            return posted.result();
        }
        String ts = posted.response().getTs();
        ctx.channels.cardPosted(id, ts, version, ctx.clock.instant());
        return pin(ctx, channel, ts);
    }

    private static OutboxResult pin(SlackDeliveryContext ctx, String channel, String ts) {
        SlackApi.Answer<PinsAddResponse> pinned = ctx.calls.call(
                "pins.add", null, m -> m.pinsAdd(r -> r.channel(channel).timestamp(ts)));
        return pinned.result();
    }
}
