package dev.firebreak.alerting;

import java.time.Instant;
import java.util.Map;

/** One alert of an incident as the REST API shows it. Labels and annotations are untrusted text, passed through. */
public record AlertView(
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

    public static AlertView of(Alert alert) {
        return new AlertView(
                alert.getFingerprint(),
                alert.getAlertname(),
                alert.getStatus(),
                alert.getLabels() == null ? Map.of() : Map.copyOf(alert.getLabels()),
                alert.getAnnotations() == null ? Map.of() : Map.copyOf(alert.getAnnotations()),
                alert.getStartsAt(),
                alert.getEndsAt(),
                alert.getGeneratorUrl(),
                alert.getFirstSeenAt(),
                alert.getLastSeenAt());
    }
}
