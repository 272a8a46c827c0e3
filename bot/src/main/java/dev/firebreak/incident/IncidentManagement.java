package dev.firebreak.incident;

import dev.firebreak.system.text.StoredText;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way to open incidents and change them. Every change locks the incident row, goes through the
 * lifecycle state machine and publishes a domain event inside the same transaction, so listeners that
 * write the timeline or enqueue Slack/PagerDuty work commit (or roll back) together with the change.
 */
@Service
public class IncidentManagement {

    private final Incidents incidents;
    private final IncidentGroups groups;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final EntityManager entities;

    IncidentManagement(
            Incidents incidents,
            IncidentGroups groups,
            ApplicationEventPublisher events,
            Clock clock,
            EntityManager entities) {
        this.incidents = incidents;
        this.groups = groups;
        this.entities = entities;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Opens an incident. For alert-opened incidents the caller must have checked that no open incident
     * holds the correlation key; a concurrent opener loses on the database's unique constraint
     * ({@link org.springframework.dao.DataIntegrityViolationException}) and should retry.
     */
    @Transactional
    public Incident open(NewIncident spec, Actor actor) {
        Instant now = clock.instant();
        // The number is taken in this transaction (counter row, not a sequence): a duplicate opener that loses
        // on the unique correlation, or any rollback, gives it back, so numbers have no gaps.
        UUID drill = DrillKeys.drillOf(spec.correlationKey())
                .filter(d -> incidents.countRunningDrills(d) > 0)
                .orElse(null);
        long number;
        if (drill == null) {
            incidents.takeNumber();
            number = incidents.lastNumber();
        } else {
            incidents.takeDrillNumber(); // DRILL-<n>: numbered apart, stored negative
            number = -incidents.lastDrillNumber();
        }
        Incident incident = new Incident(UUID.randomUUID(), number, spec, now);
        incident.markDrill(drill);
        // persist, not save: the id is assigned, so save() would merge and read the row first (issue 11: one round
        // trip less while this transaction holds the number counter). The repository's flush translates a lost race
        // on the open correlation into DataIntegrityViolationException.
        entities.persist(incident);
        incidents.flush();
        events.publishEvent(new IncidentOpened(
                incident.getId(),
                incident.getNumber(),
                incident.getTitle(),
                incident.getSeverity(),
                incident.getSource(),
                actor,
                now,
                incident.isDrill()));
        return incident;
    }

    @Transactional
    public Incident changeStatus(UUID id, IncidentStatus to, Actor actor, String reason) {
        reason = StoredText.clean(reason);
        Incident incident = lock(id);
        IncidentStatus from = incident.getStatus();
        Instant now = clock.instant();
        incident.moveTo(to, now);
        if (to == IncidentStatus.TRIGGERED
                && incident.getCorrelationKey() != null
                && incidents
                        .findOpenByCorrelationHash(CorrelationKeys.hash(incident.getCorrelationKey()))
                        .isEmpty()
                && groups.findAttached(CorrelationKeys.hash(incident.getCorrelationKey()))
                        .isEmpty()) {
            incident.restoreCorrelation();
        }
        if (to == IncidentStatus.RESOLVED && reason != null && !reason.isBlank()) {
            incident.changeSummary(reason.strip(), now);
        }
        incidents.saveAndFlush(incident);
        StormGroupMemberships.followStatus(groups, incidents, id, to);
        events.publishEvent(new IncidentStatusChanged(id, from, to, actor, reason, now));
        if (to == IncidentStatus.RESOLVED) {
            events.publishEvent(new IncidentResolved(id, actor, incident.getSummary(), now));
        }
        return incident;
    }

    @Transactional
    public Incident acknowledge(UUID id, Actor actor) {
        return changeStatus(id, IncidentStatus.ACKNOWLEDGED, actor, null);
    }

    @Transactional
    public Incident mitigate(UUID id, Actor actor) {
        return changeStatus(id, IncidentStatus.MITIGATED, actor, null);
    }

    @Transactional
    public Incident resolve(UUID id, Actor actor, String summary) {
        return changeStatus(id, IncidentStatus.RESOLVED, actor, summary);
    }

    @Transactional
    public Incident reopen(UUID id, Actor actor, String reason) {
        return changeStatus(id, IncidentStatus.TRIGGERED, actor, reason);
    }

    /** Changes severity; a change to the current severity is a no-op that publishes nothing. */
    @Transactional
    public Incident changeSeverity(UUID id, Severity to, Actor actor) {
        Incident incident = lock(id);
        Severity from = incident.getSeverity();
        if (from == to) {
            return incident;
        }
        Instant now = clock.instant();
        incident.changeSeverity(to, now);
        incidents.saveAndFlush(incident);
        events.publishEvent(new SeverityChanged(id, from, to, actor, now));
        return incident;
    }

    @Transactional
    public Incident assignRole(UUID id, IncidentRole role, String assignee, Actor actor) {
        Incident incident = lock(id);
        String previous = incident.role(role);
        Instant now = clock.instant();
        incident.assign(role, assignee, now);
        incidents.saveAndFlush(incident);
        events.publishEvent(new RoleAssigned(id, role, assignee, previous, actor, now));
        return incident;
    }

    /**
     * Alert intake: the earliest alert start seen so far (moves {@code detectedAt} back) and the latest truncation
     * count, in the intake's transaction. True if the incident changed.
     */
    @Transactional
    public boolean recordAlertFacts(UUID id, Instant earliestStart, int truncatedAlerts) {
        Incident incident = lock(id);
        if (incident.getTruncatedAlerts() == truncatedAlerts
                && (earliestStart == null || !earliestStart.isBefore(incident.getDetectedAt()))) {
            return false;
        }
        incident.recordAlertFacts(earliestStart, truncatedAlerts, clock.instant());
        return true;
    }

    /**
     * Storm breaker: records an alert group's notification on the storm incident {@code stormId}. A group not yet
     * attached joins (numbered #1, #2, ... in order); an attached one gets its latest counts and state. The storm
     * incident's severity is raised to the group's when the group is worse and firing (never lowered here). The
     * caller must have made sure the group is attached to no other incident; a concurrent duplicate loses on
     * {@code uq_incident_group_open} and should retry.
     */
    @Transactional
    public IncidentGroup recordGroup(UUID stormId, NewAlertGroup group, Actor actor) {
        Incident storm = lock(stormId);
        Instant now = clock.instant();
        Optional<IncidentGroup> attached =
                groups.findAttached(CorrelationKeys.hash(group.spec().correlationKey()));
        IncidentGroup g;
        AlertGroupChanged.Change change = null;
        if (attached.isPresent()) {
            g = attached.get();
            if (!g.getIncidentId().equals(stormId)) {
                // only when a caller skipped the storm breaker's lock; retryable, the retry finds the right incident
                throw new ConcurrencyFailureException(
                        "Alert group " + g.getGroupKey() + " belongs to another incident");
            }
            IncidentGroup.State before = g.record(group, now);
            if (before != g.getState()) {
                change = g.getState() == IncidentGroup.State.RESOLVED
                        ? AlertGroupChanged.Change.RESOLVED
                        : AlertGroupChanged.Change.REFIRED;
            }
        } else {
            g = new IncidentGroup(stormId, groups.lastOrdinal(stormId) + 1, group, now);
            change = AlertGroupChanged.Change.JOINED;
        }
        groups.saveAndFlush(g);
        if (change != null) {
            events.publishEvent(AlertGroupChanged.of(storm, g, change, null, actor, now));
            touched(stormId, "groups");
        }
        if (g.getState() == IncidentGroup.State.FIRING && g.getSeverity().compareTo(storm.getSeverity()) < 0) {
            changeSeverity(stormId, g.getSeverity(), actor);
        }
        return g;
    }

    /**
     * Splits an alert group out of its storm incident into an incident of its own (which then owns the group as
     * any alert-opened incident does, and pages and gets its channel as usual). {@code group} is the group's
     * number in the storm ({@code 3} or {@code #3}) or its exact groupKey. Returns the new incident.
     */
    @Transactional
    public Incident splitGroup(UUID stormId, String group, Actor actor) {
        Incident storm = lock(stormId);
        IncidentGroup g = StormGroupMemberships.find(groups, stormId, group)
                .orElseThrow(() -> new AlertGroupConflictException(
                        HttpStatus.NOT_FOUND,
                        "group_not_found",
                        storm.reference() + " has no alert group " + StormGroupMemberships.shown(group)
                                + (groups.existsByIncidentId(stormId) ? "" : " (it is not a storm incident)")));
        StormGroupMemberships.checkSplittable(g, storm, incidents);
        Instant now = clock.instant();
        g.release();
        groups.saveAndFlush(g);
        Incident own = open(
                new NewIncident(
                        g.getTitle(),
                        g.getSummary(),
                        g.getSeverity(),
                        IncidentSource.ALERTMANAGER,
                        g.getGroupKey(),
                        g.getDetectedAt(),
                        g.getLabels(),
                        g.getExternalUrl(),
                        g.getTruncatedAlerts()),
                actor);
        g.splitTo(own.getId(), now);
        groups.saveAndFlush(g);
        events.publishEvent(AlertGroupChanged.of(storm, g, AlertGroupChanged.Change.SPLIT, own, actor, now));
        touched(stormId, "groups");
        return own;
    }

    /** Tells listeners (status card) that something without its own event changed. */
    public void touched(UUID id, String what) {
        events.publishEvent(new IncidentUpdated(id, what, clock.instant()));
    }

    @Transactional(readOnly = true)
    public Incident get(UUID id) {
        return incidents.findById(id).orElseThrow(() -> new IncidentNotFoundException(id.toString()));
    }

    /** Finds by UUID, by number ({@code 12}) or by reference ({@code INC-12}, case-insensitive). */
    @Transactional(readOnly = true)
    public Optional<Incident> find(String reference) {
        if (reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        String ref = reference.strip();
        String upper = ref.toUpperCase(Locale.ROOT);
        String drillPrefix = Incident.DRILL_REFERENCE_PREFIX;
        if (upper.startsWith(Incident.REFERENCE_PREFIX)) {
            ref = ref.substring(Incident.REFERENCE_PREFIX.length());
        } else if (upper.startsWith(drillPrefix)
                && ref.substring(drillPrefix.length()).matches("\\d{1,18}")) {
            return incidents.findByNumber(-Long.parseLong(ref.substring(drillPrefix.length())));
        }
        if (ref.matches("\\d{1,18}")) {
            return incidents.findByNumber(Long.parseLong(ref));
        }
        try {
            return incidents.findById(UUID.fromString(ref));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Transactional(readOnly = true)
    public Incident require(String reference) {
        return find(reference).orElseThrow(() -> new IncidentNotFoundException(reference));
    }

    private Incident lock(UUID id) {
        return incidents.findByIdForUpdate(id).orElseThrow(() -> new IncidentNotFoundException(id.toString()));
    }
}
