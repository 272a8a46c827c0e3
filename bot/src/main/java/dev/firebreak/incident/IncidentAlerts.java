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
     * One alert, as views (Slack card, post-mortem) and the REST API show it; {@code endsAt} only counts when the
     * alert is resolved. {@code fingerprint} is Alertmanager's (runbook triggers key on it); it and {@code
     * firstSeenAt} are null in views built without them. Labels and annotations are untrusted text.
     */
    record AlertFact(
            String fingerprint,
            String alertname,
            String status,
            Map<String, String> labels,
            Map<String, String> annotations,
            Instant startsAt,
            Instant endsAt,
            String generatorUrl,
            Instant firstSeenAt,
            Instant lastSeenAt) {

        public AlertFact {
            labels = labels == null ? Map.of() : labels;
            annotations = annotations == null ? Map.of() : annotations;
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
