package dev.firebreak.incident;

import dev.firebreak.system.text.StoredText;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What is needed to open an incident. {@code correlationKey} is the Alertmanager groupKey for
 * alert-opened incidents (null otherwise); {@code detectedAt} the earliest alert start (null: now).
 */
public record NewIncident(
        String title,
        String summary,
        Severity severity,
        IncidentSource source,
        String correlationKey,
        Instant detectedAt,
        Map<String, String> labels,
        String externalUrl,
        int truncatedAlerts) {

    public static final int MAX_TITLE = 500;

    public NewIncident {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(source, "source");
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("title must not be blank");
        }
        title = StoredText.clean(title).strip();
        summary = StoredText.clean(summary);
        if (title.length() > MAX_TITLE) {
            title = title.substring(0, MAX_TITLE - 1) + "…";
        }
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    public static NewIncident declared(String title, String summary, Severity severity, IncidentSource source) {
        return new NewIncident(title, summary, severity, source, null, null, Map.of(), null, 0);
    }
}
