package dev.firebreak.slack.delivery;

import com.slack.api.methods.response.chat.ChatUpdateResponse;
import dev.firebreak.slack.SlackApi;
import dev.firebreak.system.outbox.Outbox;
import dev.firebreak.system.outbox.OutboxHandler;
import dev.firebreak.system.outbox.OutboxResult;
import dev.firebreak.system.outbox.OutboxTask;
import dev.firebreak.system.pacing.Priority;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Edits the one status card with {@code chat.update}, rendering the incident's CURRENT state. Coalesces:
 * at most one update task is pending per incident (see {@link SlackChannels#cardChanged}); an edit less
 * than {@code cardUpdateInterval} after the previous one waits; changes that arrive while this task runs
 * make it render again after the interval instead of enqueueing more tasks.
 */
@Component
class UpdateCardHandler implements OutboxHandler {

    private final SlackDeliveryContext ctx;

    UpdateCardHandler(SlackDeliveryContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public String kind() {
        return SlackTasks.UPDATE_CARD;
    }

    @Override
    public OutboxResult handle(OutboxTask task) {
        UUID id = Outbox.payload(task, SlackTasks.IncidentTask.class).incidentId();
        Optional<SlackChannels.Row> found = ctx.channels.find(id);
        if (found.isEmpty() || found.get().cardTs() == null || found.get().channelId() == null) {
            // No card (its post failed for good): nothing to edit; the next change enqueues afresh.
            ctx.channels.clearPending(id);
            return OutboxResult.done();
        }
        SlackChannels.Row row = found.get();
        if (row.archived()) {
            // Archived after resolve: leave it; a re-open unarchives first, then this runs again.
            ctx.channels.clearPending(id);
            return OutboxResult.done();
        }
        long version = row.cardVersion();
        Instant now = ctx.clock.instant();
        if (row.cardRenderedVersion() >= version) {
            return ctx.channels.clearPending(id, version)
                    ? OutboxResult.done()
                    : OutboxResult.waitUntil(now, "card changed meanwhile");
        }
        Instant next = row.cardUpdatedAt() == null ? now : row.cardUpdatedAt().plus(ctx.settings.cardUpdateInterval());
        if (next.isAfter(now)) {
            return OutboxResult.waitUntil(next, "coalescing card updates");
        }
        String channel = row.channelId();
        String ts = row.cardTs();
        IncidentView view = ctx.view(id);
        SlackApi.Answer<ChatUpdateResponse> updated = ctx.calls.call(
                "chat.update",
                channel,
                Priority.LOW,
                m -> m.chatUpdate(r -> r.channel(channel)
                        .ts(ts)
                        .text(StatusCard.text(view))
                        .blocksAsString(SlackDeliveryContext.json(ctx.cardBlocks(view)))));
        if ("message_not_found".equals(updated.error())) {
            // Someone deleted the card: post (and pin) a new one with the current state instead.
            OutboxResult reposted = PostCardHandler.postAndPin(ctx, id, row);
            if (reposted instanceof OutboxResult.Failed) {
                ctx.channels.clearPending(id);
                return reposted;
            }
            if (!(reposted instanceof OutboxResult.Done)) {
                return reposted;
            }
            return ctx.channels.clearPending(id, version)
                    ? OutboxResult.done()
                    : OutboxResult.retryAt(
                            ctx.clock.instant().plus(ctx.settings.cardUpdateInterval()), "card changed meanwhile");
        }
        if (updated.result() instanceof OutboxResult.Failed) {
            ctx.channels.clearPending(id);
            return updated.result();
        }
        if (!updated.done()) {
            return updated.result();
        }
        Instant after = ctx.clock.instant();
        ctx.channels.cardUpdated(id, version, after);
        if (ctx.channels.clearPending(id, version)) {
            return OutboxResult.done();
        }
        return OutboxResult.waitUntil(after.plus(ctx.settings.cardUpdateInterval()), "card changed meanwhile");
    }
}
