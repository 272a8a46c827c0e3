package dev.firebreak.timeline;

import dev.firebreak.system.text.StoredText;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Set-based append of many derived entries (one per alert of a big notification): one query for the dedup
 * keys already there (an IN list up to 1,000 keys, else all keys of the incident), then one JDBC batch insert. Plain JDBC on purpose: Hibernate would check
 * every entity of the session before each dedup query (auto-flush), which made a 50,000-alert notification
 * quadratic.
 */
final class TimelineBatch {

    static final int CHUNK = 1000;

    private TimelineBatch() {}

    static int append(JdbcTemplate jdbc, UUID incidentId, List<NewTimelineEntry> batch, Instant recordedAt) {
        return append(jdbc, incidentId, batch, recordedAt, true);
    }

    /** For an incident created in this transaction: no dedup query (no key can exist yet). */
    static int appendNew(JdbcTemplate jdbc, UUID incidentId, List<NewTimelineEntry> batch, Instant recordedAt) {
        return append(jdbc, incidentId, batch, recordedAt, false);
    }

    private static int append(
            JdbcTemplate jdbc,
            UUID incidentId,
            List<NewTimelineEntry> batch,
            Instant recordedAt,
            boolean checkExisting) {
        Map<String, NewTimelineEntry> byKey = new LinkedHashMap<>();
        for (NewTimelineEntry e : batch) {
            if (e.dedupKey() == null || !e.incidentId().equals(incidentId)) {
                throw new IllegalArgumentException("batch entries need a dedup key and the same incident");
            }
            byKey.putIfAbsent(StoredText.clean(e.dedupKey()), e);
        }
        Set<String> existing =
                checkExisting ? existingKeys(jdbc, incidentId, new ArrayList<>(byKey.keySet())) : Set.of();
        List<Map.Entry<String, NewTimelineEntry>> fresh = byKey.entrySet().stream()
                .filter(e -> !existing.contains(e.getKey()))
                .toList();
        if (fresh.isEmpty()) {
            return 0;
        }
        OffsetDateTime recorded = recordedAt.atOffset(ZoneOffset.UTC);
        jdbc.batchUpdate(
                "INSERT INTO timeline_entry (incident_id, occurred_at, recorded_at, kind, actor, actor_ref, "
                        + "text, link, data, key_event, supersedes_id, dedup_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                fresh,
                CHUNK,
                (PreparedStatement ps, Map.Entry<String, NewTimelineEntry> k) ->
                        bind(ps, k.getValue(), k.getKey(), recorded));
        return fresh.size();
    }

    private static void bind(PreparedStatement ps, NewTimelineEntry e, String key, OffsetDateTime recorded)
            throws SQLException {
        ps.setObject(1, e.incidentId());
        ps.setObject(2, e.occurredAt() == null ? recorded : e.occurredAt().atOffset(ZoneOffset.UTC));
        ps.setObject(3, recorded);
        ps.setString(4, e.kind());
        ps.setString(
                5, StoredText.clean(e.actor() == null ? "firebreak" : e.actor().name()));
        ps.setString(6, StoredText.clean(e.actor() == null ? null : e.actor().ref()));
        ps.setString(7, StoredText.clean(e.text()));
        ps.setString(8, StoredText.clean(e.link()));
        ps.setString(9, StoredText.clean(e.data()));
        ps.setBoolean(10, e.keyEvent());
        if (e.supersedesId() == null) {
            ps.setNull(11, Types.BIGINT);
        } else {
            ps.setLong(11, e.supersedesId());
        }
        ps.setString(12, key);
    }

    private static Set<String> existingKeys(JdbcTemplate jdbc, UUID incidentId, List<String> keys) {
        if (keys.size() > CHUNK) {
            // A big batch: one range scan over the incident's keys (the unique index starts with incident_id)
            // beats many IN lists, whose plans PostgreSQL gets wrong on a table that just grew.
            return new HashSet<>(jdbc.queryForList(
                    "SELECT dedup_key FROM timeline_entry WHERE incident_id = ? " + "AND dedup_key IS NOT NULL",
                    String.class,
                    incidentId));
        }
        Set<String> found = new HashSet<>();
        for (int from = 0; from < keys.size(); from += CHUNK) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + CHUNK));
            String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
            Object[] args = new Object[chunk.size() + 1];
            args[0] = incidentId;
            for (int i = 0; i < chunk.size(); i++) {
                args[i + 1] = chunk.get(i);
            }
            found.addAll(jdbc.queryForList(
                    "SELECT dedup_key FROM timeline_entry WHERE incident_id = ? AND dedup_key IN (" + marks + ")",
                    String.class,
                    args));
        }
        return found;
    }
}
