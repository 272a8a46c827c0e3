package dev.firebreak.alerting;

import dev.firebreak.incident.IncidentSource;
import dev.firebreak.incident.NewIncident;
import dev.firebreak.incident.Severity;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Pure functions from a notification to the incident it opens: severity from the {@code severity} label
 * through the configured mapping, title from {@code commonAnnotations.summary} or the alert name and
 * group labels.
 */
final class IncidentDrafts {

    static final int MAX_URL = 2048;

    private IncidentDrafts() {}

    static NewIncident draft(AlertmanagerNotification n, AlertmanagerSettings settings) {
        String url = n.externalUrl();
        if (url != null && url.length() > MAX_URL) {
            url = null; // an absurd URL is not worth keeping; the groupKey identifies the group
        }
        return new NewIncident(
                title(n),
                n.commonAnnotations().get("description"),
                severity(n, settings),
                IncidentSource.ALERTMANAGER,
                n.groupKey(),
                n.earliestStart(),
                n.commonLabels(),
                url,
                n.truncatedAlerts());
    }

    /**
     * The group's severity label mapped; when the alerts of a group disagree (no common severity label),
     * the worst of theirs.
     */
    static Severity severity(AlertmanagerNotification n, AlertmanagerSettings settings) {
        String common = n.commonLabels().get("severity");
        if (common != null) {
            return map(common, settings);
        }
        return n.alerts().stream()
                .map(a -> map(a.labels().get("severity"), settings))
                .min(Comparator.naturalOrder())
                .orElse(settings.defaultSeverity());
    }

    static Severity map(String label, AlertmanagerSettings settings) {
        if (label == null) {
            return settings.defaultSeverity();
        }
        return settings.severityMapping()
                .getOrDefault(label.strip().toLowerCase(Locale.ROOT), settings.defaultSeverity());
    }

    static String title(AlertmanagerNotification n) {
        String summary = n.commonAnnotations().get("summary");
        if (summary != null && !summary.isBlank()) {
            return summary;
        }
        String alertname = firstNonNull(
                n.groupLabels().get("alertname"),
                n.commonLabels().get("alertname"),
                n.alerts().get(0).labels().get("alertname"));
        String groups = n.groupLabels().entrySet().stream()
                .filter(e -> !e.getKey().equals("alertname"))
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
        if (alertname == null || alertname.isBlank()) {
            return groups.isEmpty() ? "Alertmanager alert group " + n.groupKey() : "Alerts " + groups;
        }
        return groups.isEmpty() ? alertname : alertname + " (" + groups + ")";
    }

    private static String firstNonNull(String... values) {
        for (String v : values) {
            if (Objects.nonNull(v)) {
                return v;
            }
        }
        return null;
    }
}
