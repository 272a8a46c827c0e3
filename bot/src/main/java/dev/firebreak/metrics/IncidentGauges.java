package dev.firebreak.metrics;

import dev.firebreak.incident.IncidentStatus;
import dev.firebreak.incident.Severity;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code firebreak_incidents{status,severity}}: incidents in the database by current status and severity (drills excluded)
 * (one grouped query at most every 5 s). Every replica reports the same numbers; take {@code max}.
 */
@Component
class IncidentGauges {

    static final Duration REFRESH = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(IncidentGauges.class);

    private final JdbcTemplate jdbc;
    private volatile Map<String, Long> counts = Map.of();
    private volatile long refreshedAtNanos = System.nanoTime() - REFRESH.toNanos() - 1;

    IncidentGauges(JdbcTemplate jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        for (IncidentStatus status : IncidentStatus.values()) {
            for (Severity severity : Severity.values()) {
                String key = status.name() + "/" + severity.name();
                Gauge.builder("firebreak.incidents", this, g -> g.current().getOrDefault(key, 0L))
                        .tag("status", status.name())
                        .tag("severity", severity.name())
                        .description("Incidents by current status and severity")
                        .register(registry);
            }
        }
    }

    private synchronized Map<String, Long> current() {
        if (System.nanoTime() - refreshedAtNanos < REFRESH.toNanos()) {
            return counts;
        }
        try {
            Map<String, Long> next = new HashMap<>();
            jdbc.query(
                    "SELECT status, severity, COUNT(*) FROM incident WHERE drill_id IS NULL GROUP BY status, severity",
                    rs -> {
                        next.put(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3));
                    });
            counts = Map.copyOf(next);
        } catch (RuntimeException e) {
            log.debug("Incident gauges not refreshed: {}", e.toString());
        }
        refreshedAtNanos = System.nanoTime();
        return counts;
    }
}
