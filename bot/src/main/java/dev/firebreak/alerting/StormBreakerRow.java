package dev.firebreak.alerting;

import dev.firebreak.alerting.StormBreaker.ActiveStorm;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The storm breaker's shared state in the database (V46): the {@code storm_breaker} row, locked FOR UPDATE by every
 * decision so that replicas decide one at a time (the count then includes every incident a concurrent decider
 * opened, because it committed before the lock was handed on), the count of incidents opened within the window,
 * and which fingerprints came from which group of a storm incident.
 */
@Component
class StormBreakerRow {

    private final JdbcTemplate jdbc;

    StormBreakerRow(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the row until the transaction ends; returns the latest storm if its incident is not resolved. */
    Optional<ActiveStorm> lock() {
        List<ActiveStorm> storms = jdbc.query(
                "select b.storm_incident_id, b.last_join_at from storm_breaker b " + "where b.id = 1 for update",
                (rs, n) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    OffsetDateTime last = rs.getObject(2, OffsetDateTime.class);
                    return id == null || last == null ? null : new ActiveStorm(id, last.toInstant());
                });
        if (storms.isEmpty()) {
            throw new IllegalStateException("storm_breaker row missing (migration V46)");
        }
        ActiveStorm storm = storms.get(0);
        if (storm == null) {
            return Optional.empty();
        }
        Integer open = jdbc.queryForObject(
                "select count(*) from incident where id = ? and status <> 'RESOLVED'",
                Integer.class,
                storm.incidentId());
        return open != null && open > 0 ? Optional.of(storm) : Optional.empty();
    }

    /** Alert-opened incidents (storm incidents not counted) opened after {@code since}. */
    long openedSince(Instant since) {
        Long n = jdbc.queryForObject(
                "select count(*) from incident i where i.source = 'ALERTMANAGER' "
                        + "and i.drill_id is null and i.opened_at > ? and not exists (select 1 from incident_group g where g.incident_id = i.id)",
                Long.class,
                utc(since));
        return n == null ? 0 : n;
    }

    /** A group joined the storm (or started it) now. */
    void joined(UUID stormIncidentId, Instant at) {
        jdbc.update(
                "update storm_breaker set storm_incident_id = ?, last_join_at = ? where id = 1",
                stormIncidentId,
                utc(at));
    }

    /** Remembers which alerts came from the group, so that splitting the group moves them. */
    void rememberAlerts(long groupId, Collection<String> fingerprints) {
        if (fingerprints.isEmpty()) {
            return;
        }
        Set<String> known = new HashSet<>(jdbc.queryForList(
                "select fingerprint from incident_group_alert where group_id = ?", String.class, groupId));
        List<Object[]> rows = fingerprints.stream()
                .distinct()
                .filter(fp -> !known.contains(fp))
                .map(fp -> new Object[] {groupId, fp})
                .toList();
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("insert into incident_group_alert (group_id, fingerprint) values (?, ?)", rows);
        }
    }

    /**
     * Moves a split group's alerts to its new incident; alerts that another attached group of the storm also
     * reported stay (the split incident gets them with the group's next notification).
     */
    int moveAlerts(long groupId, UUID from, UUID to) {
        return jdbc.update(
                "update alert set incident_id = ? where incident_id = ? and fingerprint in "
                        + "(select ga.fingerprint from incident_group_alert ga where ga.group_id = ?) "
                        + "and fingerprint not in (select ga.fingerprint from incident_group_alert ga "
                        + "join incident_group g on g.id = ga.group_id "
                        + "where g.incident_id = ? and g.id <> ? and g.state <> 'SPLIT')",
                to,
                from,
                groupId,
                from,
                groupId);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
