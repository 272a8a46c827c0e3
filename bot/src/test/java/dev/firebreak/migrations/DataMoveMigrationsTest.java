package dev.firebreak.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.support.TestDatabase;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The data-moving migrations on a database an earlier version wrote (H2, or PostgreSQL under {@code -Ppostgres}):
 * migrate to V12, write rows the way the previous version did, migrate to the latest version, check the rows.
 */
class DataMoveMigrationsTest {

    static final Timestamp T = Timestamp.from(Instant.parse("2026-11-30T10:00:00Z"));

    JdbcTemplate jdbc;

    Flyway flyway(String target) {
        Map<String, String> p = TestDatabase.properties();
        DriverManagerDataSource ds = new DriverManagerDataSource(
                p.get("spring.datasource.url"),
                p.get("spring.datasource.username"),
                p.get("spring.datasource.password"));
        jdbc = new JdbcTemplate(ds);
        var config = Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration")
                .target(target);
        if (p.containsKey("spring.flyway.schemas")) {
            config.schemas(p.get("spring.flyway.schemas")).createSchemas(true);
        }
        return config.load();
    }

    @Test
    void v13QueuedPagerDutySlackInvitesBecomeSlackInvitesAndFinishedOnesKeepTheirHistory() {
        Flyway v12 = flyway("12");
        v12.migrate();
        UUID incident = incident(1, null, null);
        long pending = task("pagerduty.slack-invite", "PENDING", incident);
        long dead = task("pagerduty.slack-invite", "DEAD", incident);
        long done = task("pagerduty.slack-invite", "DONE", incident);
        long other = task("pagerduty.trigger", "PENDING", incident);

        latest(v12).migrate();

        assertThat(kind(pending)).isEqualTo("slack.invite");
        assertThat(kind(dead)).isEqualTo("slack.invite");
        assertThat(kind(done)).isEqualTo("pagerduty.slack-invite");
        assertThat(kind(other)).isEqualTo("pagerduty.trigger");
    }

    @Test
    void v14TheIncidentsSlackChannelMovesToSlackChannelOnce() {
        Flyway v12 = flyway("12");
        v12.migrate();
        // Linked by the previous version in both places: unchanged.
        UUID both = incident(1, "C1", "inc-1-db");
        slackChannel(both, "inc-1-db", "C1", "inc-1-db");
        // Known only to the incident row (its slack_channel row has only the intent).
        UUID onlyIncident = incident(2, "C2", "inc-2-api");
        slackChannel(onlyIncident, "inc-2-api", null, null);
        // No slack_channel row at all.
        UUID noRow = incident(3, "C3", "inc-3-disk");
        // No channel anywhere.
        UUID none = incident(4, null, null);
        // The incident names a channel another incident's row already holds: not copied (channel ids are unique).
        UUID clash = incident(5, "C1", "inc-1-db");
        slackChannel(clash, "inc-5-x", null, null);

        latest(v12).migrate();

        assertThat(channel(both)).containsExactly("C1", "inc-1-db");
        assertThat(channel(onlyIncident)).containsExactly("C2", "inc-2-api");
        assertThat(channel(noRow)).containsExactly("C3", "inc-3-disk");
        assertThat(jdbc.queryForObject(
                        "SELECT intended_name FROM slack_channel WHERE incident_id = ?", String.class, noRow))
                .isEqualTo("inc-3-disk");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM slack_channel WHERE incident_id = ?", Integer.class, none))
                .isZero();
        assertThat(channel(clash)).containsExactly(null, null);
        // Expand/contract: the old columns are still there for replicas of the previous version.
        assertThat(jdbc.queryForObject("SELECT slack_channel_id FROM incident WHERE id = ?", String.class, noRow))
                .isEqualTo("C3");
    }

    private Flyway latest(Flyway at) {
        return Flyway.configure()
                .configuration(at.getConfiguration())
                .target("latest")
                .load();
    }

    private UUID incident(long number, String channelId, String channelName) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO incident (id, number, title, severity, status, source, detected_at, opened_at,
                                      slack_channel_id, slack_channel_name, created_at, updated_at)
                VALUES (?, ?, 'Disk full', 'SEV3', 'TRIGGERED', 'API', ?, ?, ?, ?, ?, ?)
                """, id, number, T, T, channelId, channelName, T, T);
        return id;
    }

    private void slackChannel(UUID incident, String intended, String channelId, String channelName) {
        jdbc.update("""
                INSERT INTO slack_channel (incident_id, intended_name, channel_id, channel_name, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """, incident, intended, channelId, channelName, T, T);
    }

    private List<String> channel(UUID incident) {
        return jdbc.query(
                        "SELECT channel_id, channel_name FROM slack_channel WHERE incident_id = ?",
                        (rs, n) -> java.util.Arrays.asList(rs.getString(1), rs.getString(2)),
                        incident)
                .get(0);
    }

    private long task(String kind, String status, UUID incident) {
        jdbc.update(
                """
                INSERT INTO outbox_task (kind, queue_key, dedup_key, incident_id, payload, status, not_before, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
                kind,
                "slack:" + incident,
                kind + ":" + status + ":" + UUID.randomUUID(),
                incident,
                "{\"incidentId\":\"" + incident + "\",\"userIds\":[\"U1\"],\"names\":[\"Jane\"]}",
                status,
                T,
                T);
        return jdbc.queryForObject("SELECT MAX(id) FROM outbox_task", Long.class);
    }

    private String kind(long task) {
        return jdbc.queryForObject("SELECT kind FROM outbox_task WHERE id = ?", String.class, task);
    }
}
