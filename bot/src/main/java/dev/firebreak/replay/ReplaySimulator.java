package dev.firebreak.replay;

import dev.firebreak.alerting.AlertNotification.Outcome;
import dev.firebreak.alerting.AlertmanagerNotification;
import dev.firebreak.alerting.IntakeRules;
import dev.firebreak.alerting.StormBreaker;
import dev.firebreak.incident.IncidentStatus;
import dev.firebreak.incident.NewIncident;
import dev.firebreak.incident.Severity;
import dev.firebreak.paging.PagingRoutes;
import dev.firebreak.paging.Route;
import dev.firebreak.runbooks.IncidentContext;
import dev.firebreak.runbooks.TriggerMatch;
import dev.firebreak.slack.IncidentChannelNames;
import dev.firebreak.system.web.BadRequestException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Runs a capture through the bot's own decisions, in memory, with a simulated clock (each notification's
 * {@code receivedAt}; for plain payloads the latest alert time, never going back): parsing and validation
 * ({@link IntakeRules#parse}), correlation by groupKey ({@link IntakeRules#correlate}, one open incident per group, a
 * firing group after its incident resolved opens a new one), the incident draft (severity, title), stale HA sightings,
 * auto-resolve, the storm breaker ({@link StormRules}), paging routes ({@link PagingRoutes}), channel names and runbook
 * triggers (the runbooks module's {@code RunbookCatalog.matching}). No server, no database.
 */
final class ReplaySimulator {

    private final ReplayConfig config;
    private final PagingRoutes routes;

    ReplaySimulator(ReplayConfig config) {
        this.config = config;
        this.routes = config.routes();
    }

    private static final class SimAlert {
        String status;
        Map<String, String> labels;
        Map<String, String> annotations;
        Instant startsAt;
        Instant endsAt;
    }

    private static final class SimIncident {
        final UUID id = UUID.randomUUID();
        long number;
        String title;
        Severity severity;
        Map<String, String> labels;
        boolean storm;
        IncidentStatus status = IncidentStatus.TRIGGERED;
        Instant openedAt;
        final Map<String, Boolean> groups = new LinkedHashMap<>(); // groupKey -> firing (storm members)
        String page;
        String channel;
        final List<String> started = new ArrayList<>();
        final Set<String> onceKeys = new java.util.HashSet<>();
        final Set<String> offered = new TreeSet<>();
        final Map<String, SimAlert> alerts = new LinkedHashMap<>();
        int notifications;
    }

    ReplayReport run(List<Captures.Entry> entries) {
        Map<String, SimIncident> openByGroup = new HashMap<>();
        Map<String, SimIncident> attached = new HashMap<>(); // groups of storm incidents not resolved
        List<SimIncident> incidents = new ArrayList<>();
        StormRules storms = new StormRules(config.storm());
        SimIncident storm = null;
        int processed = 0;
        int refused = 0;
        int skipped = 0;
        int ignored = 0;
        Instant clock = Instant.EPOCH;
        for (Captures.Entry entry : entries) {
            if (entry.refusedBeforeIntake()) {
                skipped++;
                continue;
            }
            AlertmanagerNotification n;
            try {
                n = IntakeRules.parse(entry.body());
            } catch (BadRequestException e) {
                refused++;
                continue;
            }
            processed++;
            clock = nextTime(clock, entry.receivedAt(), n);
            SimIncident incident = openByGroup.get(n.groupKey());
            NewIncident draft = IntakeRules.draft(n, config.alertmanager());
            if (incident == null && attached.containsKey(n.groupKey())) {
                joinStorm(attached.get(n.groupKey()), n, draft, attached);
                continue;
            }
            if (incident == null && !n.isResolved()) {
                StormBreaker.Action action = storms.decide(
                        clock,
                        storm != null && storm.status != IncidentStatus.RESOLVED,
                        draft.severity(),
                        n.commonLabels(),
                        n.receiver());
                if (action != StormBreaker.Action.OPEN_OWN) {
                    if (action == StormBreaker.Action.START_STORM) {
                        storm = open(incidents, storms.stormTitle(clock), draft.severity(), Map.of(), clock);
                        storm.storm = true;
                    }
                    storms.joined(storm.id, clock);
                    joinStorm(storm, n, draft, attached);
                    continue;
                }
            }
            Outcome outcome = IntakeRules.correlate(incident != null, n);
            if (outcome == Outcome.IGNORED_NO_OPEN_INCIDENT) {
                ignored++;
                continue;
            }
            if (outcome == Outcome.OPENED) {
                incident = open(incidents, draft.title(), draft.severity(), draft.labels(), clock);
                storms.opened(clock);
                incident.groups.put(n.groupKey(), true);
                openByGroup.put(n.groupKey(), incident);
            }
            incident.notifications++;
            upsert(incident, n);
            if (n.isResolved()) {
                IncidentStatus target = IntakeRules.whenAllResolved(config.autoResolve());
                if (incident.status.canMoveTo(target)) {
                    incident.status = target;
                    if (target == IncidentStatus.RESOLVED) {
                        openByGroup.remove(n.groupKey());
                    }
                }
            }
            if (incident.status != IncidentStatus.RESOLVED) {
                runbooks(incident);
            }
        }
        return report(entries.size(), processed, refused, skipped, ignored, incidents);
    }

    /**
     * A group's notification applied to a storm incident: the group's state, the storm's severity (the highest of its
     * firing groups; a raise may page), its alerts, and auto-resolve when no group fires any more (then every group
     * leaves it).
     */
    private void joinStorm(
            SimIncident storm, AlertmanagerNotification n, NewIncident draft, Map<String, SimIncident> attached) {
        storm.notifications++;
        storm.groups.put(n.groupKey(), !n.isResolved());
        attached.put(n.groupKey(), storm);
        if (!n.isResolved() && draft.severity().compareTo(storm.severity) < 0) {
            storm.severity = draft.severity();
            if (storm.page == null && storm.status.isOpen()) {
                storm.page = page(storm.severity, storm.labels);
            }
        }
        upsert(storm, n);
        if (n.isResolved() && !storm.groups.containsValue(true)) {
            IncidentStatus target = IntakeRules.whenAllResolved(config.autoResolve());
            if (storm.status.canMoveTo(target)) {
                storm.status = target;
                if (target == IncidentStatus.RESOLVED) {
                    attached.values().removeIf(i -> i == storm);
                }
            }
        }
        if (storm.status != IncidentStatus.RESOLVED) {
            runbooks(storm);
        }
    }

    private SimIncident open(
            List<SimIncident> incidents, String title, Severity severity, Map<String, String> labels, Instant now) {
        SimIncident i = new SimIncident();
        i.number = incidents.size() + 1;
        i.title = title;
        i.severity = severity;
        i.labels = labels;
        i.openedAt = now;
        i.page = page(severity, labels);
        i.channel = IncidentChannelNames.of(config.slack(), config.drills(), i.number, title);
        incidents.add(i);
        return i;
    }

    private String page(Severity severity, Map<String, String> labels) {
        Route route =
                config.pagerDuty().enabled() ? routes.route(severity, labels).orElse(null) : null;
        return route == null ? null : route.describe();
    }

    /** The alerts of the incident as intake stores them (stale HA sightings ignored, earliest start kept). */
    private static void upsert(SimIncident incident, AlertmanagerNotification n) {
        for (AlertmanagerNotification.Alert a : n.alerts()) {
            SimAlert stored = incident.alerts.get(a.fingerprint());
            if (stored == null) {
                stored = new SimAlert();
                stored.startsAt = a.startsAt();
                incident.alerts.put(a.fingerprint(), stored);
            } else if (IntakeRules.isStaleSighting("firing".equals(stored.status), stored.startsAt, stored.endsAt, a)) {
                continue;
            } else {
                boolean transition = !stored.status.equals(a.status());
                stored.startsAt = transition && a.isFiring()
                        ? a.startsAt()
                        : a.startsAt().isBefore(stored.startsAt) ? a.startsAt() : stored.startsAt;
            }
            stored.endsAt = a.isFiring() ? null : a.endsAt();
            stored.status = a.status();
            stored.labels = a.labels();
            stored.annotations = a.annotations();
        }
    }

    private void runbooks(SimIncident i) {
        List<IncidentContext.Alert> alerts = new ArrayList<>();
        i.alerts.forEach(
                (fp, a) -> alerts.add(new IncidentContext.Alert(fp, a.status, a.labels, a.annotations, a.startsAt)));
        IncidentContext ctx = new IncidentContext(
                ref(i), i.title, i.severity.name(), i.status.name(), i.labels.get("service"), i.labels, alerts);
        for (TriggerMatch m : config.catalog().matching(ctx)) {
            if (m.auto()) {
                if (i.onceKeys.add(m.onceKey())) {
                    i.started.add(m.runbook().id()
                            + (m.alert() == null
                                    ? ""
                                    : " for alert " + m.alert().fingerprint()));
                }
            } else {
                i.offered.add(m.runbook().id());
            }
        }
    }

    private ReplayReport report(
            int total, int processed, int refused, int skipped, int ignored, List<SimIncident> incidents) {
        List<ReplayReport.Incident> out = new ArrayList<>();
        int pages = 0;
        int storms = 0;
        int starts = 0;
        for (SimIncident i : incidents) {
            long firing = i.alerts.values().stream()
                    .filter(a -> "firing".equals(a.status))
                    .count();
            out.add(new ReplayReport.Incident(
                    ref(i),
                    i.openedAt.toString(),
                    i.severity.name(),
                    i.title,
                    i.status.name(),
                    i.storm,
                    List.copyOf(i.groups.keySet()),
                    i.page,
                    i.channel,
                    List.copyOf(i.started),
                    List.copyOf(i.offered),
                    i.notifications,
                    i.alerts.size(),
                    (int) firing));
            pages += i.page == null ? 0 : 1;
            storms += i.storm ? 1 : 0;
            starts += i.started.size();
        }
        List<String> notes = new ArrayList<>();
        if (!config.pagerDuty().enabled()) {
            notes.add("paging is off in this configuration (no PagerDuty api-token or routing key)");
        }
        if (!config.slack().enabled()) {
            notes.add("Slack is off in this configuration (no bot token): channel names are those it would use");
        }
        notes.add(new StormRules(config.storm()).describe());
        return new ReplayReport(
                config.name(),
                new ReplayReport.Counts(
                        total,
                        processed,
                        refused,
                        skipped,
                        ignored,
                        incidents.size(),
                        storms,
                        pages,
                        incidents.size(),
                        starts),
                out,
                notes);
    }

    private static String ref(SimIncident i) {
        return dev.firebreak.incident.Incident.reference(i.number);
    }

    /**
     * The simulated clock after a notification: when it was received, or for plain payloads the latest alert time;
     * never going back.
     */
    static Instant nextTime(Instant previous, Instant receivedAt, AlertmanagerNotification n) {
        return later(previous, receivedAt != null ? receivedAt : latestAlertTime(n, previous));
    }

    private static Instant latestAlertTime(AlertmanagerNotification n, Instant previous) {
        Instant latest = null;
        for (AlertmanagerNotification.Alert a : n.alerts()) {
            Instant t = a.endsAt() != null && !a.isFiring() ? a.endsAt() : a.startsAt();
            latest = latest == null || t.isAfter(latest) ? t : latest;
        }
        return latest == null ? previous.plus(Duration.ofSeconds(1)) : latest;
    }

    private static Instant later(Instant a, Instant b) {
        return b.isAfter(a) ? b : a;
    }
}
