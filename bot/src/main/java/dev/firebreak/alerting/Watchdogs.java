package dev.firebreak.alerting;

import dev.firebreak.system.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code watchdog} table: one row per watchdog (an always-firing alert, identified by its labels), with its last
 * heartbeat, shared by all replicas. State changes are conditional {@code UPDATE}s, so of several replicas (or
 * check runs) exactly one sees a watchdog go silent or come back.
 */
@Repository
public class Watchdogs {

    static final int MAX_NAME = 255;

    /** A watchdog as stored; {@code missingSince} is set while its absence is paged. */
    public record Watchdog(
            String name,
            String labels,
            Instant firstSeenAt,
            Instant lastHeartbeatAt,
            Instant missingSince,
            int episodes) {}

    private final NamedParameterJdbcTemplate jdbc;

    Watchdogs(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code alertname{label="value",...}} (labels sorted), cut to 255 characters with a hash when longer. */
    public static String name(Map<String, String> labels) {
        Map<String, String> sorted = new TreeMap<>(labels);
        String alertname = sorted.remove("alertname");
        String name = (alertname == null ? "" : alertname)
                + sorted.entrySet().stream()
                        .map(e -> e.getKey() + "=\"" + e.getValue() + "\"")
                        .collect(Collectors.joining(",", "{", "}"));
        if (name.length() <= MAX_NAME) {
            return name;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return name.substring(0, MAX_NAME - 17) + "~" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records a heartbeat at {@code at} (never moves it back). */
    void heartbeat(String name, Map<String, String> labels, Instant at) {
        String json = Json.mapper().writeValueAsString(new TreeMap<>(labels));
        var params = new MapSqlParameterSource()
                .addValue("name", name)
                .addValue("at", ts(at))
                .addValue("labels", json.length() > 4000 ? json.substring(0, 4000) : json);
        String update = """
                UPDATE watchdog SET labels = :labels,
                       last_heartbeat_at = CASE WHEN last_heartbeat_at < :at THEN :at ELSE last_heartbeat_at END
                WHERE name = :name
                """;
        if (jdbc.update(update, params) == 0 && jdbc.update("""
                INSERT INTO watchdog (name, labels, first_seen_at, last_heartbeat_at)
                VALUES (:name, :labels, :at, :at) ON CONFLICT DO NOTHING
                """, params) == 0) {
            jdbc.update(update, params); // another replica inserted it first
        }
    }

    public List<Watchdog> all() {
        return jdbc.query(
                """
                SELECT name, labels, first_seen_at, last_heartbeat_at, missing_since, episodes FROM watchdog ORDER BY name
                """,
                (rs, i) -> new Watchdog(
                        rs.getString(1),
                        rs.getString(2),
                        instant(rs.getObject(3, OffsetDateTime.class)),
                        instant(rs.getObject(4, OffsetDateTime.class)),
                        instant(rs.getObject(5, OffsetDateTime.class)),
                        rs.getInt(6)));
    }

    /**
     * Marks the watchdog silent if its last heartbeat is older than {@code cutoff} and it is not already; returns the
     * new episode number to the one caller that made the change, empty to everyone else.
     */
    public OptionalInt markSilent(String name, Instant cutoff, Instant now) {
        int rows = jdbc.update(
                """
                UPDATE watchdog SET missing_since = :now, episodes = episodes + 1
                WHERE name = :name AND missing_since IS NULL AND last_heartbeat_at < :cutoff
                """,
                new MapSqlParameterSource()
                        .addValue("name", name)
                        .addValue("cutoff", ts(cutoff))
                        .addValue("now", ts(now)));
        return rows == 1 ? OptionalInt.of(episodes(name)) : OptionalInt.empty();
    }

    /** Clears the silence once a heartbeat arrived after it began; the episode to the one caller that cleared it. */
    public OptionalInt markBack(String name) {
        int rows = jdbc.update("""
                UPDATE watchdog SET missing_since = NULL
                WHERE name = :name AND missing_since IS NOT NULL AND last_heartbeat_at > missing_since
                """, new MapSqlParameterSource("name", name));
        return rows == 1 ? OptionalInt.of(episodes(name)) : OptionalInt.empty();
    }

    private int episodes(String name) {
        Integer n = jdbc.queryForObject(
                "SELECT episodes FROM watchdog WHERE name = :name",
                new MapSqlParameterSource("name", name),
                Integer.class);
        return n == null ? 0 : n;
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
