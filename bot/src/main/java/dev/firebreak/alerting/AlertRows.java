package dev.firebreak.alerting;

import dev.firebreak.system.json.JsonMapConverter;
import dev.firebreak.system.text.StoredText;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * The {@code alert} rows of one incident for intake, set-based and outside Hibernate's session: one query
 * loads them all, new and changed alerts are written in JDBC batches. With entities, a 50,000-alert
 * notification kept 50,000 managed objects that Hibernate dirty-checked before every query (minutes).
 */
@Component
class AlertRows {

    static final int BATCH = 1000;
    private static final String SELECT = "SELECT id, fingerprint, status, labels, annotations, starts_at, ends_at, "
            + "generator_url, first_seen_at, last_seen_at FROM alert ";
    private static final JsonMapConverter JSON = new JsonMapConverter();

    /** One stored alert; labels/annotations as their stored JSON (compared as text, same serializer). */
    static final class Row {
        Long id;
        final String fingerprint;
        String status;
        String labels;
        String annotations;
        Instant startsAt;
        Instant endsAt;
        String generatorUrl;
        final Instant firstSeenAt;
        Instant lastSeenAt;
        String alertname;

        Row(
                Long id,
                String fingerprint,
                String status,
                String labels,
                String annotations,
                Instant startsAt,
                Instant endsAt,
                String generatorUrl,
                Instant firstSeenAt,
                Instant lastSeenAt) {
            this.id = id;
            this.fingerprint = fingerprint;
            this.status = status;
            this.labels = labels;
            this.annotations = annotations;
            this.startsAt = startsAt;
            this.endsAt = endsAt;
            this.generatorUrl = generatorUrl;
            this.firstSeenAt = firstSeenAt;
            this.lastSeenAt = lastSeenAt;
        }

        boolean isFiring() {
            return Alert.FIRING.equals(status);
        }
    }

    private final JdbcTemplate jdbc;

    AlertRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static String json(Map<String, String> map) {
        return JSON.convertToDatabaseColumn(map);
    }

    Map<String, Row> load(UUID incidentId) {
        Map<String, Row> rows = new HashMap<>();
        jdbc.query(SELECT + "WHERE incident_id = ?", into(rows), incidentId);
        return rows;
    }

    /** Only these fingerprints of the incident (a storm incident holds many groups' alerts), 1,000 per query. */
    Map<String, Row> load(UUID incidentId, Collection<String> fingerprints) {
        Map<String, Row> rows = new HashMap<>();
        List<String> all = List.copyOf(new LinkedHashSet<>(fingerprints));
        for (int from = 0; from < all.size(); from += BATCH) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + BATCH));
            Object[] args = new Object[chunk.size() + 1];
            args[0] = incidentId;
            for (int i = 0; i < chunk.size(); i++) {
                args[i + 1] = chunk.get(i);
            }
            jdbc.query(
                    SELECT + "WHERE incident_id = ? AND fingerprint IN ("
                            + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")",
                    into(rows),
                    args);
        }
        return rows;
    }

    /** Puts each selected row into {@code rows} by fingerprint. */
    private static RowCallbackHandler into(Map<String, Row> rows) {
        return rs -> {
            Row r = new Row(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    instant(rs, 6),
                    instant(rs, 7),
                    rs.getString(8),
                    instant(rs, 9),
                    instant(rs, 10));
            rows.put(r.fingerprint, r);
        };
    }

    void insert(UUID incidentId, List<Row> rows) {
        jdbc.batchUpdate(
                "INSERT INTO alert (incident_id, fingerprint, alertname, status, labels, annotations, starts_at, "
                        + "ends_at, generator_url, first_seen_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
                BATCH,
                (ps, r) -> {
                    ps.setObject(1, incidentId);
                    ps.setString(2, r.fingerprint);
                    setSighting(ps, 3, r);
                    ps.setObject(10, utc(r.firstSeenAt));
                    ps.setObject(11, utc(r.lastSeenAt));
                });
    }

    void update(List<Row> rows) {
        jdbc.batchUpdate(
                "UPDATE alert SET alertname = ?, status = ?, labels = ?, annotations = ?, starts_at = ?, "
                        + "ends_at = ?, generator_url = ?, last_seen_at = ? WHERE id = ?",
                rows,
                BATCH,
                (ps, r) -> {
                    setSighting(ps, 1, r);
                    ps.setObject(8, utc(r.lastSeenAt));
                    ps.setLong(9, r.id);
                });
    }

    /** What a sighting sets, alertname to generator_url (seven columns, in this order), from parameter {@code first}. */
    private static void setSighting(PreparedStatement ps, int first, Row r) throws SQLException {
        ps.setString(first, r.alertname);
        ps.setString(first + 1, r.status);
        ps.setString(first + 2, r.labels);
        ps.setString(first + 3, r.annotations);
        ps.setObject(first + 4, utc(r.startsAt));
        ps.setObject(first + 5, utc(r.endsAt));
        ps.setString(first + 6, StoredText.clean(r.generatorUrl));
    }

    /** The alertname column is a convenience copy (the labels keep the whole value). */
    static String alertname(Map<String, String> labels) {
        String name = labels.get("alertname");
        return name == null || name.length() <= 255 ? name : name.substring(0, 255);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
