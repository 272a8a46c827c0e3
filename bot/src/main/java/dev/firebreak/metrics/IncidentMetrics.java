package dev.firebreak.metrics;

import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentStatusChanged;
import dev.firebreak.incident.Incidents;
import dev.firebreak.incident.Severity;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Incident metrics for people (MTTA/MTTR dashboards), recorded after commit from the incident domain events
 * so a rolled-back change counts nothing and each transition is counted by the one replica that made it:
 * <ul>
 *   <li>{@code firebreak_incident_time_to_acknowledge_seconds}, {@code ..._to_mitigate_seconds},
 *       {@code ..._to_resolve_seconds}: histograms by {@code severity} and {@code service}, measured from the
 *       incident's opening;</li>
 *   <li>{@code firebreak_pages_sent_total{severity,via}}: PagerDuty pages, through {@link #pageSent};</li>
 *   <li>{@code firebreak_runbook_runs_total{runbook,outcome}}: through {@link #runbookRun}, for the runbook
 *       executor.</li>
 * </ul>
 * Incidents by status and severity are a gauge of the database ({@link IncidentGauges}). Drill incidents (issue 14)
 * move none of these, nor {@code firebreak_incidents_opened_total}/{@code _resolved_total} or
 * {@code GET /api/metrics/incidents}.
 */
@Component
public class IncidentMetrics {

    /** Bucket bounds: incident response is minutes to days, not the milliseconds of default timers. */
    static final Duration[] BUCKETS = {
        Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(10),
        Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2),
        Duration.ofHours(4), Duration.ofHours(8), Duration.ofHours(24), Duration.ofDays(3)
    };

    /** Label value for incidents without a service. */
    public static final String NO_SERVICE = "none";

    private final MeterRegistry registry;
    private final Incidents incidents;

    IncidentMetrics(MeterRegistry registry, Incidents incidents) {
        this.registry = registry;
        this.incidents = incidents;
        for (Severity severity : Severity.values()) {
            for (String phase : new String[] {"acknowledge", "mitigate", "resolve"}) {
                timer(phase, severity.name(), NO_SERVICE);
            }
            pages(severity.name(), "trigger");
        }
        runbookCounter("none", "succeeded");
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(IncidentStatusChanged e) {
        String phase = switch (e.to()) {
            case ACKNOWLEDGED -> "acknowledge";
            case MITIGATED -> "mitigate";
            case RESOLVED -> "resolve";
            case TRIGGERED -> null;
        };
        if (phase == null) {
            return;
        }
        incidents.findById(e.incidentId()).ifPresent(incident -> record(phase, incident, e.at()));
    }

    private void record(String phase, Incident incident, Instant at) {
        if (incident.isDrill()) {
            return; // game days must not move MTTA/MTTR
        }
        Instant from = incident.getOpenedAt();
        if (from == null || at == null || at.isBefore(from)) {
            return;
        }
        timer(phase, incident.getSeverity().name(), service(incident.getService()))
                .record(Duration.between(from, at));
    }

    /**
     * One PagerDuty page sent for an incident; {@code via}: {@code trigger} (automatic), {@code manual},
     * {@code retrigger}. A page of a drill incident (to the drill routing key) is not counted.
     */
    public void pageSent(Severity severity, String via, boolean drill) {
        if (drill) {
            return;
        }
        pages(severity == null ? "unknown" : severity.name(), via).increment();
    }

    /**
     * One runbook run of an incident finished; {@code outcome}: e.g. {@code succeeded}, {@code failed},
     * {@code cancelled}. Runs of drill incidents (dry or, with {@code firebreak.drills.run-runbooks}, real) are not
     * counted.
     */
    public void runbookRun(UUID incidentId, String runbook, String outcome) {
        if (incidents.findById(incidentId).map(Incident::isDrill).orElse(false)) {
            return;
        }
        runbookCounter(runbook, outcome).increment();
    }

    static String service(String service) {
        return service == null || service.isBlank() ? NO_SERVICE : service;
    }

    private Timer timer(String phase, String severity, String service) {
        return Timer.builder("firebreak.incident.time.to." + phase)
                .description("Time from an incident's opening until it was " + phase
                        + (phase.endsWith("e") ? "d" : "ed") + ", by severity and service")
                .tag("severity", severity)
                .tag("service", service)
                .serviceLevelObjectives(BUCKETS)
                .minimumExpectedValue(Duration.ofSeconds(1))
                .maximumExpectedValue(Duration.ofDays(7))
                .register(registry);
    }

    private Counter pages(String severity, String via) {
        return counter("firebreak.pages.sent", "PagerDuty pages sent by Firebreak", "severity", severity, "via", via);
    }

    private Counter runbookCounter(String runbook, String outcome) {
        return counter("firebreak.runbook.runs", "Runbook runs by outcome", "runbook", runbook, "outcome", outcome);
    }

    private Counter counter(String name, String description, String... tags) {
        return Counter.builder(name).tags(tags).description(description).register(registry);
    }
}
