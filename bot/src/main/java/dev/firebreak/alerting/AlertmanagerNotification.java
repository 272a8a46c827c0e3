package dev.firebreak.alerting;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One Alertmanager webhook notification (payload version 4), validated. Labels and annotations are untrusted
 * text, kept exactly as they came. {@code status} is {@code firing} while any alert of the group fires and
 * {@code resolved} once all of them (including any truncated away) have resolved.
 */
public record AlertmanagerNotification(
        String receiver,
        String status,
        String groupKey,
        String externalUrl,
        int truncatedAlerts,
        Map<String, String> groupLabels,
        Map<String, String> commonLabels,
        Map<String, String> commonAnnotations,
        List<Alert> alerts) {

    public static final String FIRING = "firing";
    public static final String RESOLVED = "resolved";

    public AlertmanagerNotification {
        Objects.requireNonNull(groupKey, "groupKey");
        Objects.requireNonNull(status, "status");
        groupLabels = groupLabels == null ? Map.of() : groupLabels;
        commonLabels = commonLabels == null ? Map.of() : commonLabels;
        commonAnnotations = commonAnnotations == null ? Map.of() : commonAnnotations;
        alerts = List.copyOf(alerts);
    }

    public boolean isResolved() {
        return RESOLVED.equals(status);
    }

    /** The earliest {@code startsAt} of the alerts in this notification. */
    public Instant earliestStart() {
        return alerts.stream().map(Alert::startsAt).min(Instant::compareTo).orElse(null);
    }

    /** One alert of the notification; {@code endsAt} is null when Alertmanager sent its "no end" zero time. */
    public record Alert(
            String status,
            Map<String, String> labels,
            Map<String, String> annotations,
            Instant startsAt,
            Instant endsAt,
            String generatorUrl,
            String fingerprint) {

        public boolean isFiring() {
            return FIRING.equals(status);
        }
    }
}
