package dev.firebreak.alerting;

import dev.firebreak.alerting.AlertNotification.Outcome;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The cheap path for repeats (issue 11): Alertmanager resends every firing group every {@code group_interval},
 * and almost all of those notifications change nothing. After intake applies a notification it stores a digest of
 * it for the group ({@link #remember}, table {@code alert_group_digest}); a firing notification with the same
 * digest, while the same incident still owns the group and before the alerts' {@code lastSeenAt} needs a refresh,
 * is only recorded ({@link #recordIfUnchanged}): one read and one insert on one connection, no transaction, no
 * incident lock, no alert rows read.
 *
 * <p>Why this is the same as the full path: applying a notification twice in a row changes nothing the second time
 * (alert upserts keep the earliest start and the first end, timeline entries are deduplicated, the incident facts
 * only move back), and every notification the full path applies overwrites the digest, so a match means the last
 * notification applied to the group was this very one. The read is not locked: a concurrent notification that
 * changes the group is either committed before it (no match: the full path runs) or ordered after it, as if this
 * repeat had come first. Resolved notifications always take the full path (they may auto-resolve).
 */
@Component
class RepeatNotifications {

    private final JdbcTemplate jdbc;

    RepeatNotifications(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records {@code n} as a repeat of the notification last applied to its group and returns the result, or
     * empty when the full path must run. Runs outside any transaction (each statement commits on its own).
     */
    Optional<IntakeResult> recordIfUnchanged(
            AlertmanagerNotification n, String digest, String correlationHash, Instant now) {
        if (n.isResolved()) {
            return Optional.empty();
        }
        return Optional.ofNullable(jdbc.execute((ConnectionCallback<IntakeResult>) con -> {
            UUID incidentId;
            long number;
            IncidentStatus status;
            try (PreparedStatement ps = con.prepareStatement("SELECT d.incident_id, i.number, i.status FROM "
                    + "alert_group_digest d JOIN incident i ON i.id = d.incident_id AND i.open_correlation = "
                    + "d.correlation_hash WHERE d.correlation_hash = ? AND d.digest = ? AND d.fresh_until > ?")) {
                ps.setString(1, correlationHash);
                ps.setString(2, digest);
                ps.setObject(3, now.atOffset(ZoneOffset.UTC));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    incidentId = rs.getObject(1, UUID.class);
                    number = rs.getLong(2);
                    status = IncidentStatus.valueOf(rs.getString(3));
                }
            }
            NotificationRecords.insert(con, n, now, Outcome.UPDATED, incidentId);
            return new IntakeResult(
                    Outcome.UPDATED,
                    incidentId,
                    number,
                    Incident.reference(number),
                    status,
                    n.alerts().size());
        }));
    }

    /**
     * Stores the digest of a notification just applied to the group's incident, in the intake transaction (which
     * holds the incident's lock). {@code freshUntil}: when the oldest {@code lastSeenAt} it left needs a refresh.
     */
    void remember(String digest, String correlationHash, UUID incidentId, Instant freshUntil) {
        OffsetDateTime until = freshUntil.atOffset(ZoneOffset.UTC);
        int updated = jdbc.update(
                "UPDATE alert_group_digest SET incident_id = ?, digest = ?, fresh_until = ? "
                        + "WHERE correlation_hash = ?",
                incidentId,
                digest,
                until,
                correlationHash);
        if (updated == 0) {
            // The group's first notification: only the transaction that holds the group's open incident gets here,
            // and a concurrent opener of the same group loses on incident.open_correlation first.
            jdbc.update(
                    "INSERT INTO alert_group_digest (correlation_hash, incident_id, digest, fresh_until) "
                            + "VALUES (?, ?, ?, ?)",
                    correlationHash,
                    incidentId,
                    digest,
                    until);
        }
    }

    /**
     * sha256 over what the full path reads of a notification for an incident it already has: its status and
     * truncation count, and for each alert (in order) fingerprint, status, times, link, labels and annotations.
     * Every field is length-prefixed, so no two different notifications share the input.
     */
    static String digest(AlertmanagerNotification n) {
        MessageDigest sha = sha256();
        put(sha, n.status());
        put(sha, Integer.toString(n.truncatedAlerts()));
        put(sha, Integer.toString(n.alerts().size()));
        for (AlertmanagerNotification.Alert a : n.alerts()) {
            put(sha, a.fingerprint());
            put(sha, a.status());
            put(sha, a.startsAt() == null ? null : a.startsAt().toString());
            put(sha, a.endsAt() == null ? null : a.endsAt().toString());
            put(sha, a.generatorUrl());
            put(sha, a.labels());
            put(sha, a.annotations());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void put(MessageDigest sha, Map<String, String> map) {
        put(sha, Integer.toString(map.size()));
        for (Map.Entry<String, String> e : map.entrySet()) {
            put(sha, e.getKey());
            put(sha, e.getValue());
        }
    }

    private static void put(MessageDigest sha, String s) {
        if (s == null) {
            sha.update((byte) 0);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        sha.update((byte) 1);
        sha.update((byte) (b.length >>> 24));
        sha.update((byte) (b.length >>> 16));
        sha.update((byte) (b.length >>> 8));
        sha.update((byte) b.length);
        sha.update(b);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
