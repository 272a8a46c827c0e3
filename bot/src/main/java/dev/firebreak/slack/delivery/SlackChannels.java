package dev.firebreak.slack.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The {@code slack_channel} table: channel intent, channel, status card and archive state per incident. */
@Component
class SlackChannels {

    record Row(
            UUID incidentId,
            String intendedName,
            int nameAttempt,
            String channelId,
            String channelName,
            boolean purposeSet,
            String cardTs,
            long cardVersion,
            long cardRenderedVersion,
            boolean cardTaskPending,
            Instant cardUpdatedAt,
            String announceTs,
            boolean archived,
            Instant createdAt) {}

    private final NamedParameterJdbcTemplate jdbc;

    SlackChannels(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the intent to create a channel (in the opening transaction); a second call changes nothing. */
    boolean insertIntent(UUID incidentId, String intendedName, Instant now) {
        return jdbc.update(
                        """
                INSERT INTO slack_channel (incident_id, intended_name, created_at, updated_at)
                VALUES (:id, :name, :now, :now) ON CONFLICT DO NOTHING
                """, params(incidentId).addValue("name", intendedName).addValue("now", ts(now)))
                == 1;
    }

    Optional<Row> find(UUID incidentId) {
        List<Row> rows = jdbc.query(
                "SELECT * FROM slack_channel WHERE incident_id = :id", params(incidentId), SlackChannels::row);
        return rows.stream().findFirst();
    }

    boolean exists(UUID incidentId) {
        Integer n = jdbc.queryForObject(
                "SELECT COUNT(*) FROM slack_channel WHERE incident_id = :id", params(incidentId), Integer.class);
        return n != null && n > 0;
    }

    /** Moves to the next name suffix before the next create call (so a restart tries the same name). */
    int nextAttempt(UUID incidentId, Instant now) {
        jdbc.update(
                "UPDATE slack_channel SET name_attempt = name_attempt + 1, updated_at = :now WHERE incident_id = :id",
                params(incidentId).addValue("now", ts(now)));
        return jdbc.queryForObject(
                "SELECT name_attempt FROM slack_channel WHERE incident_id = :id", params(incidentId), Integer.class);
    }

    /** Stores the channel once; false if the incident already had one. */
    boolean linkChannel(UUID incidentId, String channelId, String channelName, Instant now) {
        return jdbc.update(
                        """
                UPDATE slack_channel SET channel_id = :cid, channel_name = :cname, updated_at = :now
                WHERE incident_id = :id AND channel_id IS NULL
                """,
                        params(incidentId)
                                .addValue("cid", channelId)
                                .addValue("cname", channelName)
                                .addValue("now", ts(now)))
                == 1;
    }

    void purposeSet(UUID incidentId) {
        jdbc.update("UPDATE slack_channel SET purpose_set = TRUE WHERE incident_id = :id", params(incidentId));
    }

    void cardPosted(UUID incidentId, String ts, long renderedVersion, Instant now) {
        jdbc.update(
                """
                UPDATE slack_channel SET card_ts = :ts, card_rendered_version = :v, card_updated_at = :now,
                       updated_at = :now WHERE incident_id = :id
                """,
                params(incidentId)
                        .addValue("ts", ts)
                        .addValue("v", renderedVersion)
                        .addValue("now", ts(now)));
    }

    /**
     * Notes a card-relevant change. Returns the new version when the caller must enqueue an update task
     * (none was pending), empty when a pending task will pick the change up (or there is no Slack channel).
     * Runs in the caller's transaction; the first UPDATE locks the row until it commits.
     */
    Optional<Long> cardChanged(UUID incidentId) {
        if (jdbc.update(
                        "UPDATE slack_channel SET card_version = card_version + 1 WHERE incident_id = :id",
                        params(incidentId))
                == 0) {
            return Optional.empty();
        }
        Row row = find(incidentId).orElseThrow();
        if (row.cardTaskPending()) {
            return Optional.empty();
        }
        jdbc.update("UPDATE slack_channel SET card_task_pending = TRUE WHERE incident_id = :id", params(incidentId));
        return Optional.of(row.cardVersion());
    }

    void cardUpdated(UUID incidentId, long renderedVersion, Instant now) {
        jdbc.update("""
                UPDATE slack_channel SET card_rendered_version = :v, card_updated_at = :now, updated_at = :now
                WHERE incident_id = :id
                """, params(incidentId).addValue("v", renderedVersion).addValue("now", ts(now)));
    }

    /** Clears the pending flag if nothing changed since {@code version}; false means "render again". */
    boolean clearPending(UUID incidentId, long version) {
        return jdbc.update("""
                UPDATE slack_channel SET card_task_pending = FALSE WHERE incident_id = :id AND card_version = :v
                """, params(incidentId).addValue("v", version)) == 1;
    }

    void clearPending(UUID incidentId) {
        jdbc.update("UPDATE slack_channel SET card_task_pending = FALSE WHERE incident_id = :id", params(incidentId));
    }

    void announced(UUID incidentId, String ts) {
        jdbc.update(
                "UPDATE slack_channel SET announce_ts = :ts WHERE incident_id = :id",
                params(incidentId).addValue("ts", ts));
    }

    void archived(UUID incidentId, boolean archived) {
        jdbc.update(
                "UPDATE slack_channel SET archived = :a WHERE incident_id = :id",
                params(incidentId).addValue("a", archived));
    }

    private static MapSqlParameterSource params(UUID incidentId) {
        return new MapSqlParameterSource("id", incidentId);
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getObject("incident_id", UUID.class),
                rs.getString("intended_name"),
                rs.getInt("name_attempt"),
                rs.getString("channel_id"),
                rs.getString("channel_name"),
                rs.getBoolean("purpose_set"),
                rs.getString("card_ts"),
                rs.getLong("card_version"),
                rs.getLong("card_rendered_version"),
                rs.getBoolean("card_task_pending"),
                instant(rs, "card_updated_at"),
                rs.getString("announce_ts"),
                rs.getBoolean("archived"),
                instant(rs, "created_at"));
    }
}
