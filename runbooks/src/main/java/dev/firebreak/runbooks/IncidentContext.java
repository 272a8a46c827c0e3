package dev.firebreak.runbooks;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a runbook knows about the incident it runs for. Everything here came from alerts or people: it is data, never
 * evaluated as a template or an expression.
 */
public record IncidentContext(
        String ref,
        String title,
        String severity,
        String status,
        String service,
        Map<String, String> labels,
        List<Alert> alerts) {

    public IncidentContext {
        labels = Map.copyOf(labels == null ? Map.of() : labels);
        alerts = List.copyOf(alerts == null ? List.of() : alerts);
        title = title == null ? "" : title;
        severity = severity == null ? "" : severity;
        status = status == null ? "" : status;
        service = service == null ? "" : service;
    }

    /** One alert of the incident ({@code status} is {@code firing} or {@code resolved}). */
    public record Alert(
            String fingerprint,
            String status,
            Map<String, String> labels,
            Map<String, String> annotations,
            Instant startsAt) {

        public Alert {
            labels = Map.copyOf(labels == null ? Map.of() : labels);
            annotations = Map.copyOf(annotations == null ? Map.of() : annotations);
            fingerprint = fingerprint == null ? "" : fingerprint;
            status = status == null ? "firing" : status;
        }

        /** The alert as template/CEL data: {@code labels}, {@code annotations}, {@code status}, {@code fingerprint}. */
        public Map<String, Object> asData() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("labels", labels);
            m.put("annotations", annotations);
            m.put("status", status);
            m.put("fingerprint", fingerprint);
            m.put("startsAt", startsAt == null ? "" : startsAt.toString());
            return m;
        }
    }

    /** The first firing alert, else the first alert, else null. Templates' {@code alert.*} read this one. */
    public Alert primaryAlert() {
        return alerts.stream()
                .filter(a -> "firing".equals(a.status()))
                .findFirst()
                .orElse(alerts.isEmpty() ? null : alerts.get(0));
    }

    /** The incident as template/CEL data: {@code ref}, {@code title}, {@code severity}, {@code status}, ... */
    public Map<String, Object> asData() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ref", ref == null ? "" : ref);
        m.put("title", title);
        m.put("severity", severity);
        m.put("status", status);
        m.put("service", service);
        m.put("labels", labels);
        return m;
    }
}
