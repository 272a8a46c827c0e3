package dev.firebreak.slack.delivery;

import dev.firebreak.alerting.Alerts;
import dev.firebreak.incident.IncidentManagement;
import dev.firebreak.slack.SlackSettings;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** What every Slack delivery handler needs: the current incident state, the channel row, Slack calls. */
@Component
class SlackDeliveryContext {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    final SlackChannels channels;
    final SlackCalls calls;
    final SlackSettings settings;
    final IncidentManagement incidents;
    final Clock clock;
    private final Alerts alerts;

    SlackDeliveryContext(SlackChannels channels, SlackCalls calls, SlackSettings settings,
                         IncidentManagement incidents, Alerts alerts, Clock clock) {
        this.channels = channels;
        this.calls = calls;
        this.settings = settings;
        this.incidents = incidents;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** The incident as it is now (views always render current state, never the event's). */
    IncidentView view(UUID incidentId) {
        return IncidentView.of(incidents.get(incidentId), alerts.findByIncidentIdOrderByStartsAtAscIdAsc(incidentId));
    }

    /** The incident's channel row, if the channel exists (else the task has nothing to do). */
    java.util.Optional<SlackChannels.Row> channel(UUID incidentId) {
        return channels.find(incidentId).filter(row -> row.channelId() != null);
    }

    static String json(List<Map<String, Object>> blocks) {
        return JSON.writeValueAsString(blocks);
    }
}
