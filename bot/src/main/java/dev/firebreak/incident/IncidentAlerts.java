package dev.firebreak.incident;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Read port: the alerts of one incident as plain facts, for views (Slack card, post-mortem). Implemented by the
 * alerting module, which keeps its {@code Alert} entity to itself (like {@link AlertTotals}).
 */
public interface IncidentAlerts {

    /**
     * One alert; {@code endsAt} only counts when the alert is resolved. {@code fingerprint} is Alertmanager's
     * (runbook triggers key on it), null in views built without one.
     */
    record AlertFact(
            String alertname,
            String status,
            Map<String, String> labels,
            Map<String, String> annotations,
            Instant startsAt,
            Instant endsAt,
            String generatorUrl,
            Instant lastSeenAt,
            String fingerprint) {

        public AlertFact {
            labels = labels == null ? Map.of() : labels;
            annotations = annotations == null ? Map.of() : annotations;
        }

        /** An alert without its fingerprint (views and fixtures that do not need it). */
        public AlertFact(
                String alertname,
                String status,
                Map<String, String> labels,
                Map<String, String> annotations,
                Instant startsAt,
                Instant endsAt,
                String generatorUrl,
                Instant lastSeenAt) {
            this(alertname, status, labels, annotations, startsAt, endsAt, generatorUrl, lastSeenAt, null);
        }

        public boolean firing() {
            return "firing".equals(status);
        }

        /** The alertname field, else the {@code alertname} label. */
        public String name() {
            return alertname != null ? alertname : labels.get("alertname");
        }
    }

    /** The incident's alerts, oldest first. */
    List<AlertFact> of(UUID incidentId);
}
