package dev.firebreak.alerting;

import dev.firebreak.incident.Actor;
import dev.firebreak.timeline.NewTimelineEntry;
import dev.firebreak.timeline.Timeline;
import dev.firebreak.timeline.TimelineKinds;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Attaches a notification's alerts to an incident (one row per fingerprint) and writes a timeline entry for
 * each alert that starts or resolves, at the alert's own startsAt/endsAt. Runs in the intake transaction
 * with the incident row locked; dedup keys ({@code alert:<fp>:firing:<startsAt>},
 * {@code alert:<fp>:resolved:<endsAt>}) keep redeliveries from writing anything twice.
 */
@Component
class AlertUpserts {

    /** A repeat that changes nothing only refreshes {@code lastSeenAt} when it is older than this. */
    static final Duration LAST_SEEN_RESOLUTION = Duration.ofMinutes(1);

    private final Alerts alerts;
    private final Timeline timeline;

    AlertUpserts(Alerts alerts, Timeline timeline) {
        this.alerts = alerts;
        this.timeline = timeline;
    }

    /** Returns true when an alert was added or changed status (the status card must re-render). */
    boolean apply(UUID incidentId, AlertmanagerNotification n, boolean newIncident, Instant now) {
        Map<String, Alert> byFingerprint = new HashMap<>();
        if (!newIncident) {
            alerts.findByIncidentIdOrderByStartsAtAscIdAsc(incidentId).forEach(a -> byFingerprint.put(a.getFingerprint(), a));
        }
        boolean changed = false;
        for (AlertmanagerNotification.Alert a : n.alerts()) {
            Alert stored = byFingerprint.get(a.fingerprint());
            if (stored == null) {
                stored = alerts.save(new Alert(incidentId, a.fingerprint(), a.labels(), a.annotations(), a.status(),
                        a.startsAt(), a.endsAt(), a.generatorUrl(), now));
                byFingerprint.put(a.fingerprint(), stored);
                recordFiring(incidentId, n, a);
                if (!a.isFiring()) {
                    recordResolved(incidentId, n, a);
                }
                changed = true;
                continue;
            }
            if (isStale(stored, a)) {
                continue;
            }
            boolean transition = !stored.getStatus().equals(a.status());
            // Two Alertmanagers that are not peered stamp the same alert with slightly different times: a
            // firing alert keeps its earliest start and a resolved one its first end; only a status change
            // (resolve, or relapse after resolve) is a new fact for the timeline.
            Instant startsAt = transition && a.isFiring() ? a.startsAt() : earliest(stored.getStartsAt(), a.startsAt());
            Instant endsAt = a.isFiring() ? null
                    : transition || stored.getEndsAt() == null ? a.endsAt() : stored.getEndsAt();
            boolean details = !startsAt.equals(stored.getStartsAt()) || !Objects.equals(endsAt, stored.getEndsAt())
                    || !stored.getLabels().equals(a.labels()) || !stored.getAnnotations().equals(a.annotations())
                    || !Objects.equals(stored.getGeneratorUrl(), a.generatorUrl());
            if (transition || details || stored.getLastSeenAt().plus(LAST_SEEN_RESOLUTION).isBefore(now)) {
                stored.update(a.labels(), a.annotations(), a.status(), startsAt, endsAt, a.generatorUrl(), now);
            }
            if (transition) {
                if (a.isFiring()) {
                    recordFiring(incidentId, n, a);
                } else {
                    recordResolved(incidentId, n, a);
                }
                changed = true;
            }
        }
        return changed;
    }

    /**
     * A firing sighting is stale when the stored alert already resolved and the sighting started before that
     * resolution: a late redelivery (or the other Alertmanager of a pair) must not bring a resolved alert
     * back. A relapse starts after the resolution and is applied.
     */
    static boolean isStale(Alert stored, AlertmanagerNotification.Alert sighting) {
        if (stored.isFiring() || !sighting.isFiring()) {
            return false;
        }
        Instant resolvedAt = stored.getEndsAt() != null ? stored.getEndsAt() : stored.getStartsAt();
        return !sighting.startsAt().isAfter(resolvedAt);
    }

    private static Instant earliest(Instant a, Instant b) {
        return b.isBefore(a) ? b : a;
    }

    private void recordFiring(UUID incidentId, AlertmanagerNotification n, AlertmanagerNotification.Alert a) {
        timeline.record(NewTimelineEntry.of(incidentId, a.startsAt(), TimelineKinds.ALERT_FIRING, Actor.alertmanager(),
                        describe(n, a, "firing")).withLink(link(a))
                .withDedupKey("alert:" + a.fingerprint() + ":firing:" + a.startsAt()));
    }

    private void recordResolved(UUID incidentId, AlertmanagerNotification n, AlertmanagerNotification.Alert a) {
        Instant at = a.endsAt();
        timeline.record(NewTimelineEntry.of(incidentId, at, TimelineKinds.ALERT_RESOLVED, Actor.alertmanager(),
                        describe(n, a, "resolved")).withLink(link(a))
                .withDedupKey("alert:" + a.fingerprint() + ":resolved:" + (at == null ? "unknown" : at.toString())));
    }

    private static String link(AlertmanagerNotification.Alert a) {
        String url = a.generatorUrl();
        return url == null || url.length() > IncidentDrafts.MAX_URL ? null : url;
    }

    /** e.g. {@code HighErrorRate firing: Checkout 5xx ratio above 5% (pod=checkout-7d9f8-abcde)}. */
    static String describe(AlertmanagerNotification n, AlertmanagerNotification.Alert a, String what) {
        String name = a.labels().getOrDefault("alertname", "Alert");
        String summary = a.annotations().get("summary");
        String distinct = a.labels().entrySet().stream()
                .filter(e -> !n.commonLabels().containsKey(e.getKey()))
                .map(e -> e.getKey() + "=" + e.getValue())
                .sorted()
                .collect(Collectors.joining(", "));
        return name + " " + what + (summary == null || summary.isBlank() ? "" : ": " + summary)
                + (distinct.isEmpty() ? "" : " (" + distinct + ")");
    }
}
