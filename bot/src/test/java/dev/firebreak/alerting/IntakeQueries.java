package dev.firebreak.alerting;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.node.ObjectNode;

/** Read-side helpers for intake tests: plain SQL over what intake wrote. */
final class IntakeQueries {

    private final JdbcTemplate jdbc;

    IntakeQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A fixture with its groupKey made unique to one test, so tests sharing a database do not meet. */
    static String withGroupKey(String fixture, String suffix) {
        ObjectNode root = (ObjectNode) WebhookClient.JSON.readTree(Fixtures.read(fixture));
        root.put("groupKey", root.get("groupKey").stringValue() + "#" + suffix);
        return WebhookClient.JSON.writeValueAsString(root);
    }

    static String groupKey(String body) {
        return WebhookClient.JSON.readTree(body).get("groupKey").stringValue();
    }

    long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    List<UUID> incidentsOf(String groupKey) {
        return jdbc.queryForList(
                "select id from incident where correlation_key = ? order by number", UUID.class, groupKey);
    }

    List<Map<String, Object>> alertsOf(UUID incident) {
        return jdbc.queryForList(
                "select fingerprint, status, starts_at, ends_at from alert where incident_id = ? order by fingerprint",
                incident);
    }

    List<String> timelineKinds(UUID incident) {
        return jdbc.queryForList(
                "select kind from timeline_entry where incident_id = ? order by occurred_at, recorded_at, id",
                String.class,
                incident);
    }

    long duplicateTimelineEntries(UUID incident) {
        return jdbc.queryForObject(
                "select count(*) from (select dedup_key from timeline_entry where incident_id = ? "
                        + "and dedup_key is not null group by dedup_key having count(*) > 1) d",
                Long.class,
                incident);
    }

    List<String> outcomesOf(String groupKey) {
        return jdbc.queryForList(
                "select outcome from alert_notification where group_key = ? order by id", String.class, groupKey);
    }

    String status(UUID incident) {
        return jdbc.queryForObject("select status from incident where id = ?", String.class, incident);
    }
}
