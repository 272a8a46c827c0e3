package dev.firebreak.slack.delivery;

import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.model.Message;
import dev.firebreak.incident.IncidentAlerts;
import dev.firebreak.incident.IncidentGroups;
import dev.firebreak.incident.IncidentManagement;
import dev.firebreak.incident.IncidentQueries;
import dev.firebreak.slack.SlackApi;
import dev.firebreak.slack.SlackSettings;
import dev.firebreak.slack.StatusCardButtons;
import dev.firebreak.system.json.Json;
import dev.firebreak.system.outbox.OutboxResult;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** What every Slack delivery handler needs: the current incident state, the channel row, Slack calls. */
@Component
class SlackDeliveryContext {

    private static final JsonMapper JSON = Json.mapper();

    final SlackChannels channels;
    final SlackApi calls;
    final SlackSettings settings;
    final IncidentManagement incidents;
    private final IncidentQueries queries;
    final Clock clock;
    private final IncidentAlerts alerts;
    private final List<StatusCardButtons> cardButtons;
    private final IncidentGroups groups;

    SlackDeliveryContext(
            SlackChannels channels,
            SlackApi calls,
            SlackSettings settings,
            IncidentManagement incidents,
            IncidentQueries queries,
            IncidentAlerts alerts,
            Clock clock,
            List<StatusCardButtons> cardButtons,
            IncidentGroups groups) {
        this.queries = queries;
        this.groups = groups;
        this.cardButtons = cardButtons;
        this.channels = channels;
        this.calls = calls;
        this.settings = settings;
        this.incidents = incidents;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** The incident as it is now (views always render current state, never the event's). */
    IncidentView view(UUID incidentId) {
        return IncidentView.of(queries.view(incidentId), alerts.of(incidentId));
    }

    /** The status card's blocks, with the buttons other modules offer for this incident. */
    List<Map<String, Object>> cardBlocks(IncidentView view) {
        List<StatusCardButtons.Button> extra = view.status().isOpen()
                ? cardButtons.stream()
                        .flatMap(b -> b.buttons(view.id()).stream())
                        .toList()
                : List.of();
        return StatusCard.blocks(view, extra, stormGroups(view.id()));
    }

    /** A storm incident's alert groups as the card shows them (none for other incidents). */
    List<StormCard.Group> stormGroups(UUID incidentId) {
        return groups.findByIncidentIdOrderByOrdinal(incidentId).stream()
                .map(g -> new StormCard.Group(
                        g.getOrdinal(),
                        g.getTitle(),
                        g.getSeverity(),
                        g.getState(),
                        g.getFiringAlerts(),
                        g.getTotalAlerts(),
                        g.getLabels(),
                        g.getSplitTo() == null
                                ? null
                                : incidents
                                        .find(g.getSplitTo().toString())
                                        .map(dev.firebreak.incident.Incident::reference)
                                        .orElse(null)))
                .toList();
    }

    /** The incident's channel row, if the channel exists (else the task has nothing to do). */
    java.util.Optional<SlackChannels.Row> channel(UUID incidentId) {
        return channels.find(incidentId).filter(row -> row.channelId() != null);
    }

    /**
     * A lookup in a channel's recent history: the ts found (or null), or why the lookup must wait;
     * {@code checked} is false when Slack refused the history for good (nothing is known).
     */
    record Lookup(String ts, OutboxResult retry, boolean checked) {}

    /**
     * After an attempt whose answer we never saw (timeout, 5xx, crash), Slack may have posted the message
     * anyway: finds a recent message of ours matching {@code matches}, so the retry does not post twice.
     * A lookup Slack refuses for good (e.g. an announce channel given by name) finds nothing.
     */
    Lookup findPosted(String channel, String oldest, Predicate<Message> matches) {
        String bot = calls.self().map(SlackApi.Identity::userId).orElse(null);
        SlackApi.Answer<ConversationsHistoryResponse> history = calls.call(
                "conversations.history",
                null,
                m -> m.conversationsHistory(r -> r.channel(channel).limit(100).oldest(oldest)));
        if (!history.ok()) {
            return history.result() instanceof OutboxResult.Retry
                    ? new Lookup(null, history.result(), false)
                    : new Lookup(null, null, false);
        }
        String ts = history.response().getMessages() == null
                ? null
                : history.response().getMessages().stream()
                        .filter(msg -> (bot != null && bot.equals(msg.getUser())) || msg.getBotId() != null)
                        .filter(matches)
                        .map(Message::getTs)
                        .findFirst()
                        .orElse(null);
        return new Lookup(ts, null, true);
    }

    static String json(List<Map<String, Object>> blocks) {
        return JSON.writeValueAsString(blocks);
    }
}
