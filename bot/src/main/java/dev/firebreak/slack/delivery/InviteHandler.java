package dev.firebreak.slack.delivery;

import com.slack.api.methods.response.conversations.ConversationsInviteResponse;
import dev.firebreak.system.outbox.Outbox;
import dev.firebreak.system.outbox.OutboxHandler;
import dev.firebreak.system.outbox.OutboxResult;
import dev.firebreak.system.outbox.OutboxTask;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Invites responders: the default responders and the commander (when a Slack user), or the given users. */
@Component
class InviteHandler implements OutboxHandler {

    private final SlackDeliveryContext ctx;

    InviteHandler(SlackDeliveryContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public String kind() {
        return SlackTasks.INVITE;
    }

    @Override
    public OutboxResult handle(OutboxTask task) {
        SlackTasks.InviteTask invite = Outbox.payload(task, SlackTasks.InviteTask.class);
        Optional<SlackChannels.Row> row = ctx.channel(invite.incidentId());
        if (row.isEmpty()) {
            return OutboxResult.done();
        }
        Set<String> users = new LinkedHashSet<>();
        if (invite.users() == null) {
            ctx.settings.defaultResponders().stream().map(SlackText::slackUserId).filter(Objects::nonNull)
                    .forEach(users::add);
            String commander = ctx.incidents.get(invite.incidentId()).getCommander();
            if (SlackText.slackUserId(commander) != null) {
                users.add(SlackText.slackUserId(commander));
            }
        } else {
            invite.users().stream().map(SlackText::slackUserId).filter(Objects::nonNull).forEach(users::add);
        }
        if (users.isEmpty()) {
            return OutboxResult.done();
        }
        String channel = row.get().channelId();
        List<String> list = List.copyOf(users);
        SlackCalls.Answer<ConversationsInviteResponse> answer = ctx.calls.call("conversations.invite", null,
                m -> m.conversationsInvite(r -> r.channel(channel).users(list).force(true)));
        return answer.result();
    }
}
