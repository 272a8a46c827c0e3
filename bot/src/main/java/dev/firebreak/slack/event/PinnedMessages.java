package dev.firebreak.slack.event;

import com.slack.api.bolt.App;
import com.slack.api.model.event.PinAddedEvent;
import com.slack.api.model.event.ReactionAddedEvent;
import dev.firebreak.incident.Incident;
import dev.firebreak.slack.SlackActions;
import dev.firebreak.slack.SlackApi;
import dev.firebreak.slack.SlackIncidentChannels;
import dev.firebreak.slack.bolt.SlackAppRegistration;
import dev.firebreak.system.outbox.Outbox;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A :pushpin: reaction on a message in an incident channel, or pinning it, puts that message on the
 * incident's timeline. The event request only records the wish (an outbox task, deduplicated per message
 * so pin + reaction record it once); fetching the text and permalink are Slack calls and run in
 * {@link RecordSlackMessage}.
 */
@Component
class PinnedMessages implements SlackAppRegistration {

    static final String PUSHPIN = "pushpin";

    private final SlackIncidentChannels incidents;
    private final Outbox outbox;
    private final SlackEventInbox inbox;

    PinnedMessages(SlackIncidentChannels incidents, Outbox outbox, SlackEventInbox inbox) {
        this.incidents = incidents;
        this.outbox = outbox;
        this.inbox = inbox;
    }

    @Override
    public void registerOn(App app) {
        app.event(ReactionAddedEvent.class, (payload, ctx) -> {
            ReactionAddedEvent e = payload.getEvent();
            if (PUSHPIN.equals(e.getReaction())
                    && e.getItem() != null
                    && "message".equals(e.getItem().getType())) {
                record(
                        payload.getEventId(),
                        e.getItem().getChannel(),
                        e.getItem().getTs(),
                        e.getUser());
            }
            return ctx.ack();
        });
        app.event(PinAddedEvent.class, (payload, ctx) -> {
            PinAddedEvent e = payload.getEvent();
            PinAddedEvent.Item item = e.getItem();
            if (item != null
                    && "message".equals(item.getType())
                    && item.getMessage() != null
                    && !byThisBot(item.getMessage(), ctx.getBotId(), ctx.getBotUserId())) {
                String channel = item.getChannel() != null ? item.getChannel() : e.getChannelId();
                record(payload.getEventId(), channel, item.getMessage().getTs(), e.getUser());
            }
            return ctx.ack();
        });
    }

    /** The bot's own messages (its status card) are not timeline material. */
    static boolean byThisBot(PinAddedEvent.Message m, String botId, String botUserId) {
        return new SlackApi.Identity(botUserId, botId).authored(m.getUser(), m.getBotId());
    }

    void record(String eventId, String channel, String ts, String by) {
        if (channel == null || ts == null) {
            return;
        }
        Optional<Incident> incident = incidents.incidentIn(channel);
        if (incident.isEmpty()) {
            return;
        }
        String key = RecordSlackMessage.dedupKey(channel, ts);
        inbox.once(
                eventId,
                () -> outbox.enqueue(
                        RecordSlackMessage.KIND,
                        SlackActions.queueKey(incident.get().getId()),
                        key,
                        incident.get().getId(),
                        new RecordSlackMessage.Task(channel, ts, by)));
    }
}
