package dev.firebreak.alerting;

import dev.firebreak.alerting.AlertNotification.Outcome;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the {@code alert_notification} record of an accepted notification (the intake audit log, read through
 * {@link AlertNotifications}) with plain JDBC: one insert, no entity, no generated key read back.
 */
@Component
class NotificationRecords {

    private final JdbcTemplate jdbc;

    NotificationRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** In the caller's transaction, if any. */
    void record(AlertmanagerNotification n, Instant receivedAt, Outcome outcome, UUID incidentId) {
        jdbc.execute((ConnectionCallback<Void>) con -> {
            insert(con, n, receivedAt, outcome, incidentId);
            return null;
        });
    }

    static void insert(Connection con, AlertmanagerNotification n, Instant receivedAt, Outcome outcome, UUID incidentId)
            throws SQLException {
        try (PreparedStatement ps = con.prepareStatement("INSERT INTO alert_notification (received_at, receiver, "
                + "group_key, status, external_url, alert_count, truncated_alerts, outcome, incident_id) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, receivedAt.atOffset(ZoneOffset.UTC));
            ps.setString(2, shorten(n.receiver(), 255));
            ps.setString(3, n.groupKey());
            ps.setString(4, n.status());
            ps.setString(5, shorten(n.externalUrl(), IncidentDrafts.MAX_URL));
            ps.setInt(6, n.alerts().size());
            ps.setInt(7, n.truncatedAlerts());
            ps.setString(8, outcome.name());
            if (incidentId == null) {
                ps.setNull(9, Types.OTHER);
            } else {
                ps.setObject(9, incidentId);
            }
            ps.executeUpdate();
        }
    }

    private static String shorten(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
