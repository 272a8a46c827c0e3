package dev.firebreak.metrics;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Mean time to acknowledge / mitigate / resolve, from the incident table (one owner of those facts:
 * {@code acknowledged_at}, {@code mitigated_at}, {@code resolved_at}, measured from {@code opened_at}).
 * Drill incidents are not counted. A mean covers only the incidents that reached that state; {@code null} when none did.
 */
@Component
public class IncidentResponseTimes {

    /** Counts and means (in seconds) for one group of incidents. */
    public record Times(
            String key,
            int incidents,
            int acknowledged,
            int mitigated,
            int resolved,
            Double mttaSeconds,
            Double mttmSeconds,
            Double mttrSeconds) {}

    public record Report(Instant from, Instant to, Times overall, List<Times> bySeverity, List<Times> byService) {}

    private record Row(
            String severity,
            String service,
            Instant opened,
            Instant acknowledged,
            Instant mitigated,
            Instant resolved) {}

    private final NamedParameterJdbcTemplate jdbc;

    IncidentResponseTimes(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Report report(Instant from, Instant to) {
        List<Row> rows = jdbc.query(
                """
                SELECT severity, service, opened_at, acknowledged_at, mitigated_at, resolved_at FROM incident
                WHERE opened_at >= :from AND opened_at < :to AND drill_id IS NULL
                """,
                new MapSqlParameterSource()
                        .addValue("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                        .addValue("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC)),
                (rs, i) -> new Row(
                        rs.getString(1),
                        IncidentMetrics.service(rs.getString(2)),
                        instant(rs, 3),
                        instant(rs, 4),
                        instant(rs, 5),
                        instant(rs, 6)));
        return new Report(from, to, times("all", rows), grouped(rows, Row::severity), grouped(rows, Row::service));
    }

    private static List<Times> grouped(List<Row> rows, Function<Row, String> key) {
        Map<String, List<Row>> groups = new TreeMap<>();
        rows.forEach(r ->
                groups.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r));
        return groups.entrySet().stream()
                .map(e -> times(e.getKey(), e.getValue()))
                .toList();
    }

    private static Times times(String key, List<Row> rows) {
        Mean tta = new Mean();
        Mean ttm = new Mean();
        Mean ttr = new Mean();
        for (Row r : rows) {
            tta.add(r.opened(), r.acknowledged());
            ttm.add(r.opened(), r.mitigated());
            ttr.add(r.opened(), r.resolved());
        }
        return new Times(key, rows.size(), tta.n, ttm.n, ttr.n, tta.value(), ttm.value(), ttr.value());
    }

    private static final class Mean {
        int n;
        long millis;

        void add(Instant from, Instant to) {
            if (from != null && to != null && !to.isBefore(from)) {
                n++;
                millis += Duration.between(from, to).toMillis();
            }
        }

        Double value() {
            return n == 0 ? null : Math.round(millis / (double) n) / 1000.0;
        }
    }

    private static Instant instant(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
