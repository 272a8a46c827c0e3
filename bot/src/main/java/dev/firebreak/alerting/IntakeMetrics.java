package dev.firebreak.alerting;

import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentOpened;
import dev.firebreak.incident.IncidentResolved;
import dev.firebreak.incident.Incidents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Intake metrics: {@code firebreak.webhooks.received}/{@code rejected}, {@code firebreak.alerts.ingested},
 * the {@code firebreak.webhook.ingest} timer, and {@code firebreak.incidents.opened}/{@code resolved} (by
 * severity, counted after commit from the domain events, whatever opened or resolved the incident; drill incidents
 * are not counted).
 */
@Component
class IntakeMetrics {

    private final MeterRegistry registry;
    private final Incidents incidents;
    private final Counter received;
    private final Counter ingested;

    IntakeMetrics(MeterRegistry registry, Incidents incidents) {
        this.registry = registry;
        this.incidents = incidents;
        this.received = Counter.builder("firebreak.webhooks.received")
                .tag("source", "alertmanager")
                .description("Webhook requests received")
                .register(registry);
        this.ingested = Counter.builder("firebreak.alerts.ingested")
                .description("Alerts in committed Alertmanager notifications")
                .register(registry);
        for (String reason : new String[] {"auth", "malformed", "version", "too_large", "invalid", "unavailable"}) {
            rejectedCounter(reason);
        }
    }

    void received() {
        received.increment();
    }

    void rejected(String reason) {
        rejectedCounter(reason).increment();
    }

    void ingested(int alerts) {
        ingested.increment(alerts);
    }

    Timer.Sample start() {
        return Timer.start(registry);
    }

    void stop(Timer.Sample sample, String outcome) {
        sample.stop(Timer.builder("firebreak.webhook.ingest")
                .tag("source", "alertmanager")
                .tag("outcome", outcome)
                .description("Time to authenticate, parse and commit one webhook")
                .register(registry));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(IncidentOpened e) {
        if (e.drill()) {
            return; // game days move no metric
        }
        Counter.builder("firebreak.incidents.opened")
                .tag("severity", e.severity().name())
                .description("Incidents opened, by severity")
                .register(registry)
                .increment();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(IncidentResolved e) {
        Optional<Incident> incident = incidents.findById(e.incidentId());
        if (incident.isPresent() && incident.get().isDrill()) {
            return;
        }
        String severity = incident.map(i -> i.getSeverity().name()).orElse("unknown");
        Counter.builder("firebreak.incidents.resolved")
                .tag("severity", severity)
                .description("Incidents resolved, by severity")
                .register(registry)
                .increment();
    }

    private Counter rejectedCounter(String reason) {
        return Counter.builder("firebreak.webhooks.rejected")
                .tag("source", "alertmanager")
                .tag("reason", reason)
                .description("Alertmanager webhook requests refused, by reason")
                .register(registry);
    }
}
