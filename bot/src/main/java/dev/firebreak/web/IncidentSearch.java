package dev.firebreak.web;

import dev.firebreak.incident.AlertTotals;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentChannels;
import dev.firebreak.incident.IncidentStatus;
import dev.firebreak.incident.Incidents;
import dev.firebreak.paging.PagerDutyLinks;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The incident list: filtered, searched (title, summary, labels), newest first, with links and alert counts. */
@Component
public class IncidentSearch {

    /** One row of the list. */
    public record Row(Incident incident, long alerts, long firing, String slackUrl, String pagerDutyUrl) {}

    public record Result(List<Row> rows, long total, int page, int pages) {}

    private final NamedParameterJdbcTemplate jdbc;
    private final Incidents incidents;
    private final AlertTotals alertTotals;
    private final PagerDutyLinks pagerDuty;
    private final IncidentChannels channels;
    private final Clock clock;

    IncidentSearch(
            NamedParameterJdbcTemplate jdbc,
            Incidents incidents,
            AlertTotals alertTotals,
            PagerDutyLinks pagerDuty,
            IncidentChannels channels,
            Clock clock) {
        this.channels = channels;
        this.jdbc = jdbc;
        this.incidents = incidents;
        this.alertTotals = alertTotals;
        this.pagerDuty = pagerDuty;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Result find(IncidentFilter filter) {
        List<String> where = new ArrayList<>();
        MapSqlParameterSource p = new MapSqlParameterSource();
        if (!filter.statuses().isEmpty()) {
            where.add("status IN (:statuses)");
            p.addValue("statuses", filter.statuses().stream().map(Enum::name).toList());
        }
        if (!filter.severities().isEmpty()) {
            where.add("severity IN (:severities)");
            p.addValue(
                    "severities", filter.severities().stream().map(Enum::name).toList());
        }
        if (filter.service() != null) {
            where.add("service = :service");
            p.addValue("service", filter.service());
        }
        if (filter.team() != null) {
            where.add("team = :team");
            p.addValue("team", filter.team());
        }
        Instant since = filter.since(clock);
        if (since != null) {
            where.add("opened_at >= :since");
            p.addValue("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
        }
        if (filter.query() != null) {
            where.add("(LOWER(title) LIKE :q ESCAPE '\\' OR LOWER(COALESCE(summary, '')) LIKE :q ESCAPE '\\' "
                    + "OR LOWER(labels) LIKE :q ESCAPE '\\')");
            p.addValue("q", "%" + like(filter.query().toLowerCase(Locale.ROOT)) + "%");
        }
        String sql = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM incident" + sql, p, Long.class);
        p.addValue("limit", IncidentFilter.PAGE_SIZE)
                .addValue("offset", (long) filter.page() * IncidentFilter.PAGE_SIZE);
        List<UUID> ids = jdbc.query(
                "SELECT id FROM incident" + sql + " ORDER BY number DESC LIMIT :limit OFFSET :offset",
                p,
                (rs, i) -> rs.getObject(1, UUID.class));
        List<Incident> found = new ArrayList<>(incidents.findAllById(ids));
        found.sort(Comparator.comparingLong(Incident::getNumber).reversed());
        Map<UUID, AlertTotals.Counts> counts = alertTotals.of(ids);
        Map<UUID, String> pd = pagerDuty.of(ids);
        Map<UUID, IncidentChannels.Channel> slack = channels.of(ids);
        List<Row> rows = found.stream()
                .map(i -> {
                    AlertTotals.Counts c = counts.getOrDefault(i.getId(), AlertTotals.Counts.NONE);
                    return new Row(i, c.total(), c.firing(), slackUrl(slack.get(i.getId())), pd.get(i.getId()));
                })
                .toList();
        int pages = (int) Math.max(1, (total + IncidentFilter.PAGE_SIZE - 1) / IncidentFilter.PAGE_SIZE);
        return new Result(rows, total, filter.page(), pages);
    }

    /** Open incidents per status (the live counts at the top of the list). */
    @Transactional(readOnly = true)
    public Map<IncidentStatus, Long> openCounts() {
        Map<IncidentStatus, Long> counts = new EnumMap<>(IncidentStatus.class);
        for (IncidentStatus s : IncidentStatus.values()) {
            if (s.isOpen()) {
                counts.put(s, 0L);
            }
        }
        jdbc.query("SELECT status, COUNT(*) FROM incident WHERE status <> 'RESOLVED' GROUP BY status", rs -> {
            counts.put(IncidentStatus.valueOf(rs.getString(1)), rs.getLong(2));
        });
        return counts;
    }

    /** Distinct services and teams, for the filter's choices. */
    @Transactional(readOnly = true)
    public List<String> distinct(String column) {
        if (!column.equals("service") && !column.equals("team")) {
            throw new IllegalArgumentException(column);
        }
        return jdbc.getJdbcTemplate()
                .queryForList(
                        "SELECT DISTINCT " + column + " FROM incident WHERE " + column + " IS NOT NULL ORDER BY "
                                + column + " LIMIT 200",
                        String.class);
    }

    /** Slack's own redirect to a channel by id (works for every workspace), or null before the channel exists. */
    static String slackUrl(IncidentChannels.Channel channel) {
        String id = channel == null ? null : channel.id();
        return id == null || !id.matches("[A-Z0-9]{1,32}") ? null : "https://slack.com/app_redirect?channel=" + id;
    }

    private static String like(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
