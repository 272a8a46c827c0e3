package dev.firebreak.alerting;

import dev.firebreak.alerting.AlertNotification.Outcome;
import dev.firebreak.alerting.StormBreaker.Decision;
import dev.firebreak.incident.Actor;
import dev.firebreak.incident.AlertGroupChanged;
import dev.firebreak.incident.DrillKeys;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentGroup;
import dev.firebreak.incident.IncidentGroups;
import dev.firebreak.incident.IncidentManagement;
import dev.firebreak.incident.IncidentSource;
import dev.firebreak.incident.IncidentStatus;
import dev.firebreak.incident.Incidents;
import dev.firebreak.incident.NewAlertGroup;
import dev.firebreak.incident.NewIncident;
import dev.firebreak.timeline.NewTimelineEntry;
import dev.firebreak.timeline.Timeline;
import dev.firebreak.timeline.TimelineKinds;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * The storm breaker in intake, for a notification whose group has no incident of its own: a group attached to a
 * storm incident goes there; a new firing group is decided by {@link StormBreaker} under the {@code storm_breaker}
 * row lock (open its own → empty, and intake opens one as usual; attach or start a storm → it goes to the storm
 * incident). Runs in the intake transaction.
 */
@Component
class StormIntake {

    private static final Logger log = LoggerFactory.getLogger(StormIntake.class);
    private static final DateTimeFormatter HH_MM =
            DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final StormSettings settings;
    private final StormBreakerRow state;
    private final IncidentGroups groups;
    private final Incidents incidents;
    private final IncidentManagement management;
    private final AlertUpserts upserts;
    private final AlertNotifications notifications;
    private final Timeline timeline;
    private final AlertmanagerSettings alertmanager;
    private final AutoResolveSettings autoResolve;
    private final MeterRegistry metrics;

    StormIntake(
            StormSettings settings,
            StormBreakerRow state,
            IncidentGroups groups,
            Incidents incidents,
            IncidentManagement management,
            AlertUpserts upserts,
            AlertNotifications notifications,
            Timeline timeline,
            AlertmanagerSettings alertmanager,
            AutoResolveSettings autoResolve,
            MeterRegistry metrics) {
        this.settings = settings;
        this.state = state;
        this.groups = groups;
        this.incidents = incidents;
        this.management = management;
        this.upserts = upserts;
        this.notifications = notifications;
        this.timeline = timeline;
        this.alertmanager = alertmanager;
        this.autoResolve = autoResolve;
        this.metrics = metrics;
    }

    /**
     * The notification's result when the storm breaker took it (attached or new member of a storm incident);
     * empty when the group opens its own incident (or, resolved, is ignored) as usual.
     */
    Optional<IntakeResult> ingest(AlertmanagerNotification n, String groupHash, Instant now) {
        Optional<UUID> attached = groups.findAttachedIncident(groupHash);
        if (attached.isPresent()) {
            // lock the storm incident first, then read the group: every change to its groups holds that lock
            UUID stormId = attached.get();
            incidents.findByIdForUpdate(stormId);
            if (!groups.findAttachedIncident(groupHash).filter(stormId::equals).isPresent()) {
                throw new PessimisticLockingFailureException("alert group left its storm incident meanwhile; retry");
            }
            return Optional.of(apply(stormId, n, now, Outcome.UPDATED));
        }
        if (n.isResolved()
                || !settings.enabled()
                || DrillKeys.drillOf(n.groupKey()).isPresent()) {
            return Optional.empty(); // drills (issue 14) open DRILL incidents of their own and never start a storm
        }
        var storm = state.lock();
        if (incidents.findOpenByCorrelationHash(groupHash).isPresent()
                || groups.findAttachedIncident(groupHash).isPresent()) {
            // a concurrent delivery of this group decided while we waited for the lock: start over, find its choice
            throw new PessimisticLockingFailureException("alert group opened meanwhile; retry");
        }
        NewIncident own = IncidentDrafts.draft(n, alertmanager);
        var group = new StormBreaker.Group(own.severity(), n.commonLabels(), n.receiver());
        Decision decision = StormBreaker.decide(
                settings, now, state.openedSince(StormBreaker.windowStart(settings, now)), storm, group);
        Counter.builder("firebreak.storm.decisions")
                .tag("action", decision.action().name().toLowerCase(Locale.ROOT))
                .description("Storm breaker decisions for new alert groups (open_own, attach, start_storm)")
                .register(metrics)
                .increment();
        UUID stormId;
        switch (decision.action()) {
            case OPEN_OWN -> {
                log.debug("Alert group opens its own incident: {}", decision.reason());
                return Optional.empty();
            }
            case ATTACH -> stormId = storm.orElseThrow().incidentId();
            default -> {
                Incident opened = management.open(stormIncident(n, own, now), Actor.alertmanager());
                timeline.record(NewTimelineEntry.of(
                                opened.getId(),
                                now,
                                TimelineKinds.STORM_STARTED,
                                Actor.system(),
                                "Alert storm: " + decision.reason() + ". Further alert groups join this "
                                        + "incident until none arrives for "
                                        + StormBreaker.human(settings.window())
                                        + "; split one out with `/incident split <#>`.")
                        .asKeyEvent());
                log.info("Alert storm started: {} ({})", opened.reference(), decision.reason());
                stormId = opened.getId();
            }
        }
        state.joined(stormId, now);
        return Optional.of(apply(stormId, n, now, Outcome.JOINED_STORM));
    }

    private IntakeResult apply(UUID stormId, AlertmanagerNotification n, Instant now, Outcome outcome) {
        NewIncident spec = IncidentDrafts.draft(n, alertmanager);
        int firing = (int) n.alerts().stream()
                .filter(AlertmanagerNotification.Alert::isFiring)
                .count();
        IncidentGroup group = management.recordGroup(
                stormId,
                new NewAlertGroup(spec, n.receiver(), firing, n.alerts().size() + n.truncatedAlerts(), n.isResolved()),
                Actor.alertmanager());
        state.rememberAlerts(
                group.getId(),
                n.alerts().stream()
                        .map(AlertmanagerNotification.Alert::fingerprint)
                        .toList());
        Incident storm = management.get(stormId);
        boolean changed = upserts.applyToStorm(stormId, n, now);
        if (management.recordAlertFacts(stormId, n.earliestStart(), storm.getTruncatedAlerts())) {
            changed = true;
        }
        if (changed) {
            management.touched(stormId, "alerts");
        }
        if (n.isResolved() && resolveIfQuiet(stormId, now)) {
            outcome = Outcome.RESOLVED;
        }
        notifications.save(new AlertNotification(n, now, outcome, stormId));
        storm = management.get(stormId);
        return new IntakeResult(
                outcome,
                stormId,
                storm.getNumber(),
                storm.reference(),
                storm.getStatus(),
                n.alerts().size());
    }

    /** After a split, the storm may have no firing group left. */
    @EventListener
    void on(AlertGroupChanged e) {
        if (e.change() == AlertGroupChanged.Change.SPLIT) {
            int moved = state.moveAlerts(e.groupId(), e.incidentId(), e.splitTo());
            log.info("Alert group #{} split out of its storm incident with {} alerts", e.ordinal(), moved);
            management.touched(e.splitTo(), "alerts");
            resolveIfQuiet(e.incidentId(), e.at());
        }
    }

    /**
     * No group of the storm fires any more (all resolved or split out): resolve the storm incident, or mark it
     * mitigated when auto-resolve is off, as for a single group.
     */
    private boolean resolveIfQuiet(UUID stormId, Instant now) {
        var all = groups.findByIncidentIdOrderByOrdinal(stormId);
        if (all.stream().anyMatch(g -> g.getState() == IncidentGroup.State.FIRING)) {
            return false;
        }
        Incident storm = management.get(stormId);
        IncidentStatus target = autoResolve.autoResolve() ? IncidentStatus.RESOLVED : IncidentStatus.MITIGATED;
        if (!storm.getStatus().canMoveTo(target)) {
            return false;
        }
        long resolved = all.stream()
                .filter(g -> g.getState() == IncidentGroup.State.RESOLVED)
                .count();
        String text = "All alert groups of the storm resolved or split out (" + resolved + " resolved, "
                + (all.size() - resolved) + " split out): "
                + (target == IncidentStatus.RESOLVED
                        ? "incident resolved automatically"
                        : "incident marked mitigated (auto-resolve is off; resolve it by hand)");
        timeline.record(NewTimelineEntry.of(stormId, now, TimelineKinds.AUTO_RESOLVED, Actor.alertmanager(), text)
                .asKeyEvent());
        management.changeStatus(stormId, target, Actor.alertmanager(), null);
        return true;
    }

    private NewIncident stormIncident(AlertmanagerNotification n, NewIncident first, Instant now) {
        String title = "Alert storm since " + HH_MM.format(now) + ": more than " + settings.threshold()
                + " alert groups within " + StormBreaker.human(settings.window());
        String summary = "Firebreak's storm breaker: more than " + settings.threshold() + " incidents would have "
                + "opened within " + StormBreaker.human(settings.window())
                + ", so further alert groups join this incident "
                + "instead of opening their own. The status card lists them; split one out with "
                + "`/incident split <#>`.";
        return new NewIncident(
                title,
                summary,
                first.severity(),
                IncidentSource.ALERTMANAGER,
                null,
                first.detectedAt(),
                Map.of(),
                first.externalUrl(),
                0);
    }
}
