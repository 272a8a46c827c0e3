package dev.firebreak.slack.delivery;

import com.slack.api.methods.response.conversations.ConversationsCreateResponse;
import com.slack.api.methods.response.conversations.ConversationsListResponse;
import com.slack.api.model.Conversation;
import com.slack.api.model.ConversationType;
import dev.firebreak.slack.SlackApi;
import dev.firebreak.system.outbox.Outbox;
import dev.firebreak.system.outbox.OutboxHandler;
import dev.firebreak.system.outbox.OutboxResult;
import dev.firebreak.system.outbox.OutboxTask;
import dev.firebreak.system.pacing.Priority;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the incident's channel exactly once. The intent row (written when the incident opened) holds the
 * intended name and the suffix attempt; once a channel id is stored nothing is created again. On
 * {@code name_taken} the existing channel is adopted if it is ours (its purpose carries our marker, or our
 * bot created it after the intent was written), otherwise the next suffix ({@code -2}, {@code -3}...) is tried.
 * Linking the channel and queueing its first topic task commit together.
 */
@Component
class CreateChannelHandler implements OutboxHandler {

    private static final Logger log = LoggerFactory.getLogger(CreateChannelHandler.class);
    private static final int MAX_ATTEMPTS = 20;
    private static final int MAX_LIST_PAGES = 50;
    /** Tolerated clock difference between us and Slack when judging "created after our intent". */
    private static final Duration SKEW = Duration.ofMinutes(2);

    private final SlackDeliveryContext ctx;
    private final Outbox outbox;
    private final TransactionTemplate tx;

    CreateChannelHandler(SlackDeliveryContext ctx, Outbox outbox, TransactionTemplate tx) {
        this.ctx = ctx;
        this.outbox = outbox;
        this.tx = tx;
    }

    @Override
    public String kind() {
        return SlackTasks.CREATE_CHANNEL;
    }

    @Override
    public OutboxResult handle(OutboxTask task) {
        UUID id = Outbox.payload(task, SlackTasks.IncidentTask.class).incidentId();
        Optional<SlackChannels.Row> found = ctx.channels.find(id);
        if (found.isEmpty()) {
            return OutboxResult.failed("no Slack channel intent for incident " + id);
        }
        SlackChannels.Row row = found.get();
        if (row.channelId() != null) {
            return link(id, row.channelId(), row.channelName());
        }
        int attempt = row.nameAttempt();
        for (int i = 0; i < MAX_ATTEMPTS; i++) {
            String name = ChannelNames.withSuffix(row.intendedName(), attempt);
            SlackApi.Answer<ConversationsCreateResponse> created = ctx.calls.call(
                    "conversations.create",
                    null,
                    Priority.HIGH,
                    m -> m.conversationsCreate(r -> r.name(name).isPrivate(ctx.settings.privateChannels())));
            if (created.ok()) {
                Conversation c = created.response().getChannel();
                return adopt(id, c.getId(), c.getName() != null ? c.getName() : name);
            }
            if (!"name_taken".equals(created.error())) {
                return created.result();
            }
            SlackApi.Answer<ConversationsListResponse> failure = null;
            Conversation existing = null;
            String cursor = null;
            for (int page = 0; page < MAX_LIST_PAGES && existing == null; page++) {
                String c = cursor;
                SlackApi.Answer<ConversationsListResponse> list = ctx.calls.call(
                        "conversations.list",
                        null,
                        m -> m.conversationsList(
                                r -> r.types(List.of(ConversationType.PUBLIC_CHANNEL, ConversationType.PRIVATE_CHANNEL))
                                        .excludeArchived(false)
                                        .limit(1000)
                                        .cursor(c)));
                if (!list.ok()) {
                    failure = list;
                    break;
                }
                existing = list.response().getChannels().stream()
                        .filter(ch -> name.equals(ch.getName()))
                        .findFirst()
                        .orElse(null);
                cursor = list.response().getResponseMetadata() == null
                        ? null
                        : list.response().getResponseMetadata().getNextCursor();
                if (cursor == null || cursor.isBlank()) {
                    break;
                }
            }
            if (failure != null) {
                return failure.done() ? OutboxResult.retry("conversations.list: " + failure.error()) : failure.result();
            }
            Boolean ours = existing == null ? Boolean.FALSE : ours(existing, id, row);
            if (ours == null) {
                return OutboxResult.retry("cannot tell whether #" + name + " is ours: auth.test did not answer");
            }
            if (ours) {
                log.info("Adopting existing channel #{} ({}) for incident {}", name, existing.getId(), id);
                return adopt(id, existing.getId(), name);
            }
            attempt = ctx.channels.nextAttempt(id, ctx.clock.instant());
        }
        return OutboxResult.failed(
                "no free channel name for " + row.intendedName() + " after " + MAX_ATTEMPTS + " tries");
    }

    /** True: ours (adopt); false: someone else's (next suffix); null: cannot tell now (retry). */
    private Boolean ours(Conversation channel, UUID incidentId, SlackChannels.Row row) {
        String marker = SlackMessages.marker(incidentId);
        if ((channel.getPurpose() != null
                        && channel.getPurpose().getValue() != null
                        && channel.getPurpose().getValue().contains(marker))
                || (channel.getTopic() != null
                        && channel.getTopic().getValue() != null
                        && channel.getTopic().getValue().contains(marker))) {
            return true;
        }
        String bot = ctx.calls.self().map(SlackApi.Identity::userId).orElse(null);
        if (bot == null) {
            return null;
        }
        return bot.equals(channel.getCreator())
                && channel.getCreated() != null
                && channel.getCreated() >= row.createdAt().minus(SKEW).getEpochSecond();
    }

    private OutboxResult adopt(UUID id, String channelId, String name) {
        if (!ctx.channels.linkChannel(id, channelId, name, ctx.clock.instant())) {
            SlackChannels.Row row = ctx.channels.find(id).orElseThrow();
            return link(id, row.channelId(), row.channelName());
        }
        return link(id, channelId, name);
    }

    private OutboxResult link(UUID id, String channelId, String name) {
        tx.executeWithoutResult(s -> {
            outbox.enqueue(
                    SlackTasks.SET_TOPIC,
                    SlackTasks.topicQueue(id),
                    "slack.set-topic:" + id + ":open",
                    id,
                    new SlackTasks.IncidentTask(id));
        });
        return OutboxResult.done();
    }
}
