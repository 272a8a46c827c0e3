package dev.firebreak.slack.delivery;

import com.slack.api.methods.response.conversations.ConversationsInviteResponse;
import dev.firebreak.incident.Actor;
import dev.firebreak.slack.SlackApi;
import dev.firebreak.slack.SlackInvites;
import dev.firebreak.system.outbox.Outbox;
import dev.firebreak.system.outbox.OutboxHandler;
import dev.firebreak.system.outbox.OutboxResult;
import dev.firebreak.system.outbox.OutboxTask;
import dev.firebreak.timeline.NewTimelineEntry;
import dev.firebreak.timeline.Timeline;
import dev.firebreak.timeline.TimelineKinds;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * {@code slack.invite} ({@link SlackInvites}): invites the given users, or the default responders and the
 * commander (when a Slack user), into the incident's channel; writes the task's note to the timeline once done.
 * Runs behind the channel's creation on the incident's queue; an incident whose channel was never made has nothing to do.
 */
@Component
class InviteHandler implements OutboxHandler {

    private final SlackDeliveryContext ctx;
    private final Timeline timeline;

    InviteHandler(SlackDeliveryContext ctx, Timeline timeline) {
        this.ctx = ctx;
        this.timeline = timeline;
    }

    @Override
    public String kind() {
        return SlackTasks.INVITE;
    }

    @Override
    public Set<String> formerKinds() {
        return Set.of(SlackInvites.FORMER_KIND);
    }

    @Override
    public OutboxResult handle(OutboxTask task) {
        SlackInvites.Task invite = Outbox.payload(task, SlackInvites.Task.class);
        Optional<SlackChannels.Row> row = ctx.channel(invite.incidentId());
        if (row.isEmpty()) {
            return invite.note() == null
                    ? OutboxResult.done()
                    : OutboxResult.failed("Not invited (the incident has no Slack channel): " + invite.note());
        }
        Set<String> users = new LinkedHashSet<>();
        if (invite.users() == null) {
            ctx.settings.defaultResponders().stream()
                    .map(SlackText::slackUserId)
                    .filter(Objects::nonNull)
                    .forEach(users::add);
            String commander = ctx.incidents.get(invite.incidentId()).getCommander();
            if (SlackText.slackUserId(commander) != null) {
                users.add(SlackText.slackUserId(commander));
            }
        } else {
            invite.users().stream()
                    .map(SlackText::slackUserId)
                    .filter(Objects::nonNull)
                    .forEach(users::add);
        }
        if (users.isEmpty()) {
            return OutboxResult.done();
        }
        String channel = row.get().channelId();
        List<String> list = List.copyOf(users);
        SlackApi.Answer<ConversationsInviteResponse> answer = ctx.calls.call(
                "conversations.invite",
                null,
                m -> m.conversationsInvite(r -> r.channel(channel).users(list).force(true)));
        if (answer.done() && invite.note() != null) {
            timeline.record(NewTimelineEntry.of(
                            invite.incidentId(), ctx.clock.instant(), TimelineKinds.PAGE, Actor.system(), invite.note())
                    .withDedupKey("slack:invited:" + task.getId()));
        }
        return answer.result();
    }
}
