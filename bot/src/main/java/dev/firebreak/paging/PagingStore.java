package dev.firebreak.paging;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** SQL for {@code paging_state}, {@code paging_link} and {@code pagerduty_webhook_event} (V6), portable H2/PostgreSQL. */
@Component
class PagingStore {

    private final NamedParameterJdbcTemplate jdbc;

    PagingStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records that the incident pages; false when it already did (the caller must then not enqueue again). */
    boolean insertRequested(UUID incidentId, Route route, Instant now) {
        return jdbc.update(
                        """
                INSERT INTO paging_state (incident_id, dedup_key, route_name, escalation_policy, requested_at, updated_at)
                VALUES (:id, :dedup, :route, :policy, :now, :now)
                ON CONFLICT DO NOTHING
                """,
                        new MapSqlParameterSource()
                                .addValue("id", incidentId)
                                .addValue("dedup", PagingState.dedupKeyOf(incidentId))
                                .addValue("route", route.name())
                                .addValue("policy", route.escalationPolicy())
                                .addValue("now", ts(now)))
                == 1;
    }

    Optional<PagingState> find(UUID incidentId) {
        return jdbc
                .query(
                        "SELECT * FROM paging_state WHERE incident_id = :id",
                        new MapSqlParameterSource("id", incidentId),
                        PagingStore::state)
                .stream()
                .findFirst();
    }

    void markTriggered(UUID incidentId, Instant now) {
        jdbc.update("""
                UPDATE paging_state SET triggered_at = COALESCE(triggered_at, :now), updated_at = :now
                WHERE incident_id = :id
                """, new MapSqlParameterSource().addValue("id", incidentId).addValue("now", ts(now)));
    }

    /** A re-page opens a new PagerDuty incident: its id is learned again (old links stay for late webhooks). */
    void forgetPagerDutyIncident(UUID incidentId, Instant now) {
        jdbc.update("""
                UPDATE paging_state SET pd_incident_id = NULL, pd_incident_url = NULL, updated_at = :now
                WHERE incident_id = :id
                """, new MapSqlParameterSource().addValue("id", incidentId).addValue("now", ts(now)));
    }

    /** Remembers which PagerDuty incident belongs to ours (idempotent). */
    void link(PagingLink link, Instant now) {
        jdbc.update(
                """
                INSERT INTO paging_link (pd_incident_id, incident_id, kind, target, html_url, created_at)
                VALUES (:pd, :id, :kind, :target, :url, :now)
                ON CONFLICT DO NOTHING
                """,
                new MapSqlParameterSource()
                        .addValue("pd", link.pdIncidentId())
                        .addValue("id", link.incidentId())
                        .addValue("kind", link.kind())
                        .addValue("target", link.target())
                        .addValue("url", link.htmlUrl())
                        .addValue("now", ts(now)));
        if (link.isTrigger()) {
            jdbc.update(
                    """
                    UPDATE paging_state SET pd_incident_id = :pd, pd_incident_url = COALESCE(:url, pd_incident_url),
                                            updated_at = :now
                    WHERE incident_id = :id AND (pd_incident_id IS NULL OR pd_incident_id = :pd)
                    """,
                    new MapSqlParameterSource()
                            .addValue("pd", link.pdIncidentId())
                            .addValue("id", link.incidentId())
                            .addValue("url", link.htmlUrl())
                            .addValue("now", ts(now)));
        }
    }

    Optional<PagingLink> findLink(String pdIncidentId) {
        return jdbc
                .query(
                        "SELECT * FROM paging_link WHERE pd_incident_id = :pd",
                        new MapSqlParameterSource("pd", pdIncidentId),
                        (rs, n) -> new PagingLink(
                                rs.getString("pd_incident_id"),
                                rs.getObject("incident_id", UUID.class),
                                rs.getString("kind"),
                                rs.getString("target"),
                                rs.getString("html_url")))
                .stream()
                .findFirst();
    }

    /** Remembers a webhook delivery; false when this event id was processed before. */
    boolean recordWebhookEvent(String eventId, String type, String pdIncidentId, UUID incidentId, Instant now) {
        return jdbc.update(
                        """
                INSERT INTO pagerduty_webhook_event (event_id, event_type, pd_incident_id, incident_id, received_at)
                VALUES (:eid, :type, :pd, :id, :now)
                ON CONFLICT DO NOTHING
                """,
                        new MapSqlParameterSource()
                                .addValue("eid", eventId)
                                .addValue("type", type)
                                .addValue("pd", pdIncidentId)
                                .addValue("id", incidentId)
                                .addValue("now", ts(now)))
                == 1;
    }

    private static PagingState state(ResultSet rs, int row) throws SQLException {
        return new PagingState(
                rs.getObject("incident_id", UUID.class),
                rs.getString("dedup_key"),
                rs.getString("route_name"),
                rs.getString("escalation_policy"),
                instant(rs, "requested_at"),
                instant(rs, "triggered_at"),
                rs.getString("pd_incident_id"),
                rs.getString("pd_incident_url"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
