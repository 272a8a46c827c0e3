package dev.firebreak.slack.delivery;

import com.slack.api.methods.response.conversations.ConversationsListResponse;
import com.slack.api.model.Conversation;
import com.slack.api.model.ConversationType;
import dev.firebreak.slack.SlackApi;
import dev.firebreak.slack.SlackSettings;
import dev.firebreak.system.outbox.OutboxResult;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The id of {@code firebreak.slack.announce-channel}, which may be configured as a name ({@code incidents},
 * {@code #incidents}) or an id ({@code C0123ABCD}). Resolved once (conversations.list) and cached: Slack's
 * history method, which the announcement's crash recovery depends on, only takes ids, so a name there made
 * recovery find nothing and post the announcement again (issue 9, defect 4).
 */
@Component
class AnnounceChannel {

    /** Channel names are lower case, so an upper-case token starting with C or G is an id. */
    private static final Pattern CHANNEL_ID = Pattern.compile("[CG][A-Z0-9]+");

    /** The channel id, or why there is none yet ({@code result} is a retry or a permanent failure). */
    record Resolved(String id, OutboxResult result) {}

    private final SlackSettings settings;
    private final SlackApi calls;
    private final AtomicReference<String> resolved = new AtomicReference<>();

    AnnounceChannel(SlackSettings settings, SlackApi calls) {
        this.settings = settings;
        this.calls = calls;
    }

    boolean configured() {
        return settings.announceChannel() != null && !settings.announceChannel().isBlank();
    }

    Resolved resolve() {
        String configured = settings.announceChannel().strip();
        if (CHANNEL_ID.matcher(configured).matches()) {
            return new Resolved(configured, null);
        }
        String cached = resolved.get();
        if (cached != null) {
            return new Resolved(cached, null);
        }
        String name = configured.startsWith("#") ? configured.substring(1) : configured;
        String cursor = null;
        do {
            String page = cursor;
            SlackApi.Answer<ConversationsListResponse> list = calls.call(
                    "conversations.list",
                    null,
                    m -> m.conversationsList(
                            r -> r.types(List.of(ConversationType.PUBLIC_CHANNEL, ConversationType.PRIVATE_CHANNEL))
                                    .excludeArchived(true)
                                    .limit(1000)
                                    .cursor(page)));
            if (!list.ok()) {
                return new Resolved(
                        null,
                        list.result() instanceof OutboxResult.Done
                                ? OutboxResult.failed("conversations.list: " + list.error())
                                : list.result());
            }
            for (Conversation c : list.response().getChannels() == null
                    ? List.<Conversation>of()
                    : list.response().getChannels()) {
                if (name.equals(c.getName())) {
                    resolved.set(c.getId());
                    return new Resolved(c.getId(), null);
                }
            }
            cursor = list.response().getResponseMetadata() == null
                    ? null
                    : list.response().getResponseMetadata().getNextCursor();
        } while (cursor != null && !cursor.isBlank());
        return new Resolved(
                null,
                OutboxResult.failed("announce channel #" + name
                        + " not found (set firebreak.slack.announce-channel to its id, or invite the bot to it)"));
    }
}
