package dev.firebreak.alerting;

import dev.firebreak.alerting.AlertNotification.Outcome;
import dev.firebreak.incident.Actor;
import dev.firebreak.incident.CorrelationKeys;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentManagement;
import dev.firebreak.incident.IncidentSource;
import dev.firebreak.incident.IncidentStatus;
import dev.firebreak.incident.Incidents;
import dev.firebreak.timeline.NewTimelineEntry;
import dev.firebreak.timeline.Timeline;
import dev.firebreak.timeline.TimelineKinds;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns Alertmanager notifications into incidents, one transaction per notification.
 *
 * <p>Correlation: while an incident is open it owns its group ({@code openCorrelation} = sha256(groupKey),
 * unique). The open incident is found and locked FOR UPDATE, so everything that follows (alert upserts,
 * timeline entries with dedup keys, auto-resolve) is serialized per group and idempotent under redelivery.
 * When there is none, a new incident is opened; of two concurrent openers (Alertmanager HA pairs that are
 * not peered, timeouts followed by redelivery) one loses on the unique constraint, and the whole
 * transaction is retried: the retry finds the winner's incident and merely updates it.
 *
 * <p>Out of order: a resolved notification for a group without an open incident is recorded and opens
 * nothing. A firing notification after the group's incident resolved opens a NEW incident (the old one stays
 * resolved; people can re-open it by hand): Alertmanager gives no way to tell a late redelivery from a
 * relapse, and a relapse must page again rather than land silently in a closed record.
 *
 * <p>Repeats: a firing notification identical to the last one applied to its group is only recorded, without a
 * transaction or lock ({@link RepeatNotifications}); Alertmanager resends every group every group_interval.
 */
@Service
public class AlertIntake {

    private static final Logger log = LoggerFactory.getLogger(AlertIntake.class);
    static final int MAX_ATTEMPTS = 5;

    private final TransactionTemplate tx;
    private final Incidents incidents;
    private final IncidentManagement management;
    private final NotificationRecords notifications;
    private final RepeatNotifications repeats;
    private final AlertUpserts upserts;
    private final Timeline timeline;
    private final AlertmanagerSettings settings;
    private final AutoResolveSettings autoResolve;
    private final StormIntake storms;
    private final Clock clock;

    AlertIntake(
            PlatformTransactionManager transactions,
            Incidents incidents,
            IncidentManagement management,
            NotificationRecords notifications,
            RepeatNotifications repeats,
            AlertUpserts upserts,
            Timeline timeline,
            AlertmanagerSettings settings,
            AutoResolveSettings autoResolve,
            StormIntake storms,
            Clock clock) {
        this.tx = new TransactionTemplate(transactions);
        this.incidents = incidents;
        this.management = management;
        this.notifications = notifications;
        this.repeats = repeats;
        this.upserts = upserts;
        this.timeline = timeline;
        this.settings = settings;
        this.autoResolve = autoResolve;
        this.storms = storms;
        this.clock = clock;
    }

    /** Ingests one notification; returns only after its effects are committed. */
    public IntakeResult ingest(AlertmanagerNotification notification) {
        String group = CorrelationKeys.hash(notification.groupKey());
        String digest = RepeatNotifications.digest(notification);
        Optional<IntakeResult> repeat = repeats.recordIfUnchanged(notification, digest, group, clock.instant());
        if (repeat.isPresent()) {
            return repeat.get();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.execute(status -> ingestOnce(notification, group, digest));
            } catch (DataIntegrityViolationException | ConcurrencyFailureException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                log.debug("Concurrent intake for the same group (attempt {}), retrying: {}", attempt, e.getMessage());
            }
        }
    }

    private IntakeResult ingestOnce(AlertmanagerNotification n, String group, String digest) {
        Instant now = clock.instant();
        Optional<Incident> open = incidents.findOpenByCorrelationHashForUpdate(group);
        if (open.isEmpty()) {
            // Storm breaker (issue 11): the group is attached to a storm incident, or the breaker sends it to one.
            Optional<IntakeResult> stormed = storms.ingest(n, group, now);
            if (stormed.isPresent()) {
                return stormed.get();
            }
        }
        Incident incident;
        Outcome outcome = IntakeRules.correlate(open.isPresent(), n);
        if (outcome == Outcome.UPDATED) {
            incident = open.get();
        } else if (outcome == Outcome.IGNORED_NO_OPEN_INCIDENT) {
            notifications.record(n, now, Outcome.IGNORED_NO_OPEN_INCIDENT, null);
            return new IntakeResult(
                    Outcome.IGNORED_NO_OPEN_INCIDENT,
                    null,
                    null,
                    null,
                    null,
                    n.alerts().size());
        } else {
            // No open incident for this group: open one. This also covers a firing notification that arrives
            // after the group's previous incident was resolved: it opens a new incident (see class comment).
            incident = openIncident(n);
        }
        AlertUpserts.Applied applied = upserts.apply(incident.getId(), n, outcome == Outcome.OPENED, now);
        boolean changed = applied.changed();
        if (outcome != Outcome.OPENED
                && factsChanged(incident, n)
                && management.recordAlertFacts(incident.getId(), n.earliestStart(), n.truncatedAlerts())) {
            changed = true;
        }
        if (changed) {
            management.touched(incident.getId(), "alerts");
        }
        if (n.isResolved() && incident.getSource() == IncidentSource.ALERTMANAGER && resolveAll(incident, n, now)) {
            outcome = Outcome.RESOLVED;
        }
        repeats.remember(digest, group, incident.getId(), applied.freshUntil());
        notifications.record(n, now, outcome, incident.getId());
        return new IntakeResult(
                outcome,
                incident.getId(),
                incident.getNumber(),
                incident.reference(),
                incident.getStatus(),
                n.alerts().size());
    }

    /** Whether {@link IncidentManagement#recordAlertFacts} would change the (locked) incident: saves its query. */
    private static boolean factsChanged(Incident incident, AlertmanagerNotification n) {
        Instant earliest = n.earliestStart();
        return incident.getTruncatedAlerts() != n.truncatedAlerts()
                || earliest != null && earliest.isBefore(incident.getDetectedAt());
    }

    /**
     * The one place where intake decides to open a new incident for an alert group: no incident owns the group
     * (never had one, or its last incident resolved) and the notification fires. A firing notification that arrives
     * after the group's previous incident was resolved opens a new incident (see class comment).
     */
    private Incident openIncident(AlertmanagerNotification n) {
        return management.open(IntakeRules.draft(n, settings), Actor.alertmanager());
    }

    /**
     * Every alert of the group has resolved (Alertmanager sends status "resolved" only then, truncated alerts
     * included): resolve the incident, or mark it mitigated when auto-resolve is off. Checks the state machine
     * first instead of catching its exception, which would doom the surrounding transaction.
     */
    private boolean resolveAll(Incident incident, AlertmanagerNotification n, Instant now) {
        IncidentStatus target = IntakeRules.whenAllResolved(autoResolve);
        if (!incident.getStatus().canMoveTo(target)) {
            return false;
        }
        Instant lastEnd = n.alerts().stream()
                .map(AlertmanagerNotification.Alert::endsAt)
                .filter(Objects::nonNull)
                .max(Instant::compareTo)
                .orElse(null);
        int total = n.alerts().size() + n.truncatedAlerts();
        String text = "All alerts of the Alertmanager group resolved (" + total + (total == 1 ? " alert" : " alerts")
                + (lastEnd == null ? "" : ", last at " + lastEnd) + "): "
                + (target == IncidentStatus.RESOLVED
                        ? "incident resolved automatically"
                        : "incident marked mitigated (auto-resolve is off; resolve it by hand)");
        timeline.record(
                NewTimelineEntry.of(incident.getId(), now, TimelineKinds.AUTO_RESOLVED, Actor.alertmanager(), text)
                        .asKeyEvent());
        management.changeStatus(incident.getId(), target, Actor.alertmanager(), null);
        return true;
    }
}
