package dev.firebreak.alerting;

import dev.firebreak.incident.Actor;
import dev.firebreak.timeline.NewTimelineEntry;
import dev.firebreak.timeline.Timeline;
import dev.firebreak.timeline.TimelineKinds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
 *
 * <p>Set-based, so the cost is linear in the number of alerts (issue 9: 50,000 alerts in one notification):
 * the incident's alerts are loaded with one query, compared in memory, and new/changed rows and the timeline
 * entries are written in JDBC batches ({@link AlertRows}, {@link Timeline#recordAll}).
 */
@Component
class AlertUpserts {

    /** A repeat that changes nothing only refreshes {@code lastSeenAt} when it is older than this. */
    static final Duration LAST_SEEN_RESOLUTION = Duration.ofMinutes(1);

    private final AlertRows rows;
    private final Timeline timeline;

    AlertUpserts(AlertRows rows, Timeline timeline) {
        this.rows = rows;
        this.timeline = timeline;
    }

    /**
     * What applying a notification did: {@code changed} when an alert was added or changed status (the status card
     * must re-render); {@code freshUntil}, when the oldest {@code lastSeenAt} of the notification's alerts needs a
     * refresh (see {@link RepeatNotifications}).
     */
    record Applied(boolean changed, Instant freshUntil) {}

    Applied apply(UUID incidentId, AlertmanagerNotification n, boolean newIncident, Instant now) {
        return apply(incidentId, n, newIncident, newIncident ? new HashMap<>() : rows.load(incidentId), now);
    }

    /** A storm incident holds the alerts of many groups: only this notification's own alerts are loaded. */
    boolean applyToStorm(UUID stormId, AlertmanagerNotification n, Instant now) {
        return apply(
                        stormId,
                        n,
                        false,
                        rows.load(
                                stormId,
                                n.alerts().stream()
                                        .map(AlertmanagerNotification.Alert::fingerprint)
                                        .toList()),
                        now)
                .changed();
    }

    private Applied apply(
            UUID incidentId,
            AlertmanagerNotification n,
            boolean newIncident,
            Map<String, AlertRows.Row> byFingerprint,
            Instant now) {
        Map<String, AlertRows.Row> inserts = new LinkedHashMap<>();
        Map<String, AlertRows.Row> updates = new LinkedHashMap<>();
        List<NewTimelineEntry> entries = new ArrayList<>();
        boolean changed = false;
        Instant oldestSeen = now;
        for (AlertmanagerNotification.Alert a : n.alerts()) {
            AlertRows.Row stored = byFingerprint.get(a.fingerprint());
            if (stored == null) {
                stored = new AlertRows.Row(
                        null,
                        a.fingerprint(),
                        a.status(),
                        AlertRows.json(a.labels()),
                        AlertRows.json(a.annotations()),
                        a.startsAt(),
                        a.endsAt(),
                        a.generatorUrl(),
                        now,
                        now);
                stored.alertname = AlertRows.alertname(a.labels());
                byFingerprint.put(a.fingerprint(), stored);
                inserts.put(a.fingerprint(), stored);
                entries.add(firing(incidentId, n, a));
                if (!a.isFiring()) {
                    entries.add(resolved(incidentId, n, a));
                }
                changed = true;
                continue;
            }
            if (isStale(stored.isFiring(), stored.startsAt, stored.endsAt, a)) {
                continue;
            }
            boolean transition = !stored.status.equals(a.status());
            // Two Alertmanagers that are not peered stamp the same alert with slightly different times: a
            // firing alert keeps its earliest start and a resolved one its first end; only a status change
            // (resolve, or relapse after resolve) is a new fact for the timeline.
            Instant startsAt = transition && a.isFiring() ? a.startsAt() : earliest(stored.startsAt, a.startsAt());
            Instant endsAt = a.isFiring() ? null : transition || stored.endsAt == null ? a.endsAt() : stored.endsAt;
            String labels = AlertRows.json(a.labels());
            String annotations = AlertRows.json(a.annotations());
            boolean details = !startsAt.equals(stored.startsAt)
                    || !Objects.equals(endsAt, stored.endsAt)
                    || !stored.labels.equals(labels)
                    || !stored.annotations.equals(annotations)
                    || !Objects.equals(stored.generatorUrl, a.generatorUrl());
            if (transition
                    || details
                    || stored.lastSeenAt.plus(LAST_SEEN_RESOLUTION).isBefore(now)) {
                stored.labels = labels;
                stored.annotations = annotations;
                stored.alertname = AlertRows.alertname(a.labels());
                stored.status = a.status();
                stored.startsAt = startsAt;
                stored.endsAt = endsAt;
                stored.generatorUrl = a.generatorUrl();
                stored.lastSeenAt = now;
                if (stored.id != null) {
                    updates.put(a.fingerprint(), stored);
                }
            }
            if (transition) {
                entries.add(a.isFiring() ? firing(incidentId, n, a) : resolved(incidentId, n, a));
                changed = true;
            }
            oldestSeen = earliest(oldestSeen, stored.lastSeenAt);
        }
        if (!inserts.isEmpty()) {
            rows.insert(incidentId, List.copyOf(inserts.values()));
        }
        if (!updates.isEmpty()) {
            rows.update(List.copyOf(updates.values()));
        }
        if (newIncident) {
            timeline.recordAllForNewIncident(incidentId, entries);
        } else {
            timeline.recordAll(incidentId, entries);
        }
        return new Applied(changed, oldestSeen.plus(LAST_SEEN_RESOLUTION));
    }

    /**
     * A firing sighting is stale when the stored alert already resolved and the sighting started before that
     * resolution: a late redelivery (or the other Alertmanager of a pair) must not bring a resolved alert
     * back. A relapse starts after the resolution and is applied.
     */
    static boolean isStale(Alert stored, AlertmanagerNotification.Alert sighting) {
        return isStale(stored.isFiring(), stored.getStartsAt(), stored.getEndsAt(), sighting);
    }

    static boolean isStale(
            boolean storedFiring,
            Instant storedStartsAt,
            Instant storedEndsAt,
            AlertmanagerNotification.Alert sighting) {
        if (storedFiring || !sighting.isFiring()) {
            return false;
        }
        Instant resolvedAt = storedEndsAt != null ? storedEndsAt : storedStartsAt;
        return !sighting.startsAt().isAfter(resolvedAt);
    }

    private static Instant earliest(Instant a, Instant b) {
        return b.isBefore(a) ? b : a;
    }

    private static NewTimelineEntry firing(
            UUID incidentId, AlertmanagerNotification n, AlertmanagerNotification.Alert a) {
        return NewTimelineEntry.of(
                        incidentId,
                        a.startsAt(),
                        TimelineKinds.ALERT_FIRING,
                        Actor.alertmanager(),
                        describe(n, a, "firing"))
                .withLink(link(a))
                .withDedupKey("alert:" + a.fingerprint() + ":firing:" + a.startsAt());
    }

    private static NewTimelineEntry resolved(
            UUID incidentId, AlertmanagerNotification n, AlertmanagerNotification.Alert a) {
        Instant at = a.endsAt();
        return NewTimelineEntry.of(
                        incidentId, at, TimelineKinds.ALERT_RESOLVED, Actor.alertmanager(), describe(n, a, "resolved"))
                .withLink(link(a))
                .withDedupKey("alert:" + a.fingerprint() + ":resolved:" + (at == null ? "unknown" : at.toString()));
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
