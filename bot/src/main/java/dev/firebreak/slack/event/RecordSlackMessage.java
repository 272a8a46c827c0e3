package dev.firebreak.slack.event;

import com.slack.api.methods.response.chat.ChatGetPermalinkResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.conversations.ConversationsRepliesResponse;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.Message;
import com.slack.api.model.User;
import dev.firebreak.incident.Actor;
import dev.firebreak.slack.SlackApi;
import dev.firebreak.slack.SlackMrkdwn;
import dev.firebreak.system.outbox.Outbox;
import dev.firebreak.system.outbox.OutboxHandler;
import dev.firebreak.system.outbox.OutboxResult;
import dev.firebreak.system.outbox.OutboxTask;
import dev.firebreak.timeline.NewTimelineEntry;
import dev.firebreak.timeline.Timeline;
import dev.firebreak.timeline.TimelineKinds;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Outbox task: fetches a pinned message (text, author, permalink) and writes it to the timeline as
 * {@code slack.message}, at the message's own time. Idempotent: the timeline entry carries the dedup key
 * {@code slack-msg:<channel>:<ts>}. Messages of this bot (the status card) are skipped.
 */
@Component
class RecordSlackMessage implements OutboxHandler {

    static final String KIND = "slack.record-message";
    static final int MAX_TEXT = 4000;

    record Task(String channel, String ts, String pinnedBy) {}

    private final SlackApi slack;
    private final Timeline timeline;

    RecordSlackMessage(SlackApi slack, Timeline timeline) {
        this.slack = slack;
        this.timeline = timeline;
    }

    static String dedupKey(String channel, String ts) {
        return "slack-msg:" + channel + ":" + ts;
    }

    /** Slack's {@code 1712345678.123456} as an instant (microseconds kept). */
    static Instant instantOf(String ts) {
        BigDecimal seconds = new BigDecimal(ts);
        long whole = seconds.longValue();
        long nanos =
                seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
        return Instant.ofEpochSecond(whole, nanos);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public OutboxResult handle(OutboxTask task) {
        if (!slack.enabled()) {
            return OutboxResult.failed("Slack is not configured");
        }
        Task t = Outbox.payload(task, Task.class);
        SlackApi.Answer<ConversationsHistoryResponse> history = slack.call(
                "conversations.history",
                null,
                m -> m.conversationsHistory(r -> r.channel(t.channel())
                        .latest(t.ts())
                        .oldest(t.ts())
                        .inclusive(true)
                        .limit(1)));
        if (!history.ok()) {
            return history.result();
        }
        Message message = find(history.response().getMessages(), t.ts());
        if (message == null) {
            // A reply in a thread is not in the channel history; the thread's listing (parent first) has it.
            SlackApi.Answer<ConversationsRepliesResponse> replies = slack.call(
                    "conversations.replies",
                    null,
                    m -> m.conversationsReplies(r -> r.channel(t.channel())
                            .ts(t.ts())
                            .oldest(t.ts())
                            .inclusive(true)
                            .limit(5)));
            if (!replies.ok()) {
                return replies.result();
            }
            message = find(replies.response().getMessages(), t.ts());
        }
        if (message == null) {
            return OutboxResult.failed("Slack message " + t.ts() + " in " + t.channel() + " not found");
        }
        Optional<SlackApi.Identity> self = slack.self();
        if (self.isEmpty()) {
            return OutboxResult.retry("Slack auth.test did not answer; cannot tell whether the bot wrote the message");
        }
        if (self.get().authored(message.getUser(), message.getBotId())) {
            return OutboxResult.done();
        }
        SlackApi.Answer<ChatGetPermalinkResponse> permalink = slack.call(
                "chat.getPermalink",
                null,
                m -> m.chatGetPermalink(r -> r.channel(t.channel()).messageTs(t.ts())));
        if (!permalink.ok()) {
            return permalink.result();
        }
        Actor author = author(message);
        String text = message.getText() == null ? "" : SlackMrkdwn.unescape(message.getText());
        if (text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT - 1) + "…";
        }
        timeline.record(new NewTimelineEntry(
                task.getIncidentId(),
                instantOf(t.ts()),
                TimelineKinds.SLACK_MESSAGE,
                author,
                text,
                permalink.response().getPermalink(),
                null,
                false,
                null,
                dedupKey(t.channel(), t.ts())));
        return OutboxResult.done();
    }

    private static Message find(List<Message> messages, String ts) {
        return messages == null
                ? null
                : messages.stream()
                        .filter(m -> ts.equals(m.getTs()))
                        .findFirst()
                        .orElse(null);
    }

    /** The author with a readable name; the user id alone when users.info cannot tell. */
    private Actor author(Message message) {
        String userId = message.getUser();
        if (userId == null) {
            return Actor.slack(message.getBotId(), message.getUsername() != null ? message.getUsername() : "bot");
        }
        SlackApi.Answer<UsersInfoResponse> info = slack.call("users.info", null, m -> m.usersInfo(r -> r.user(userId)));
        if (!info.ok() || info.response().getUser() == null) {
            return Actor.slack(userId, userId);
        }
        User u = info.response().getUser();
        String name = u.getProfile() != null && notBlank(u.getProfile().getDisplayName())
                ? u.getProfile().getDisplayName()
                : notBlank(u.getRealName()) ? u.getRealName() : u.getName();
        return Actor.slack(userId, name);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
