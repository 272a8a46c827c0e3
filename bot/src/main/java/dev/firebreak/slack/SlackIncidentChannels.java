package dev.firebreak.slack;

import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentChannels;
import dev.firebreak.incident.Incidents;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where the incident's Slack channel is read: the {@code slack_channel} row, its one owner (written by the
 * delivery handlers once the channel exists). Implements the incident module's {@link IncidentChannels} port
 * (the channel in {@code IncidentView}) and answers "which incident is this channel?" for commands and events.
 */
@Component
public class SlackIncidentChannels implements IncidentChannels {

    private final NamedParameterJdbcTemplate jdbc;
    private final Incidents incidents;

    SlackIncidentChannels(NamedParameterJdbcTemplate jdbc, Incidents incidents) {
        this.jdbc = jdbc;
        this.incidents = incidents;
    }

    @Override
    public Map<UUID, Channel> of(Collection<UUID> incidentIds) {
        Map<UUID, Channel> out = new HashMap<>();
        if (incidentIds.isEmpty()) {
            return out;
        }
        jdbc.query(
                "SELECT incident_id, channel_id, channel_name FROM slack_channel WHERE incident_id IN (:ids)"
                        + " AND channel_id IS NOT NULL",
                new MapSqlParameterSource("ids", List.copyOf(incidentIds)),
                rs -> {
                    out.put(
                            rs.getObject("incident_id", UUID.class),
                            new Channel(rs.getString("channel_id"), rs.getString("channel_name")));
                });
        return out;
    }

    /** The incident whose channel this is, if any. */
    public Optional<Incident> incidentIn(String channelId) {
        if (channelId == null || channelId.isBlank()) {
            return Optional.empty();
        }
        List<UUID> ids = jdbc.queryForList(
                "SELECT incident_id FROM slack_channel WHERE channel_id = :c",
                new MapSqlParameterSource("c", channelId),
                UUID.class);
        return ids.isEmpty() ? Optional.empty() : incidents.findById(ids.get(0));
    }
}
