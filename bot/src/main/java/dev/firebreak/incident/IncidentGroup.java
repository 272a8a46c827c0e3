package dev.firebreak.incident;

import dev.firebreak.system.json.JsonMapConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One alert group of a storm incident (table {@code incident_group}, V46). Changed only through
 * {@link IncidentManagement}; {@code openGroup} holds the group's hash while it is attached to an incident that is
 * not resolved, so a notification of the group finds its storm incident.
 */
@Entity
@Table(name = "incident_group")
public class IncidentGroup {

    /** Where a group stands in its storm incident. */
    public enum State {
        FIRING,
        RESOLVED,
        SPLIT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private UUID incidentId;
    private int ordinal;
    private String groupKey;
    private String groupHash;
    private String openGroup;
    private String title;
    private String summary;

    @Enumerated(EnumType.STRING)
    private Severity severity;

    @Convert(converter = JsonMapConverter.class)
    @Column(name = "labels")
    private Map<String, String> labels = new LinkedHashMap<>();

    private String receiver;
    private String externalUrl;

    @Enumerated(EnumType.STRING)
    private State state;

    private int firingAlerts;
    private int totalAlerts;
    private int truncatedAlerts;
    private Instant detectedAt;
    private Instant joinedAt;
    private Instant updatedAt;
    private Instant resolvedAt;
    private Instant splitAt;
    private UUID splitTo;

    protected IncidentGroup() {}

    IncidentGroup(UUID incidentId, int ordinal, NewAlertGroup g, Instant now) {
        this.incidentId = incidentId;
        this.ordinal = ordinal;
        this.groupKey = g.spec().correlationKey();
        this.groupHash = CorrelationKeys.hash(groupKey);
        this.openGroup = groupHash;
        this.title = g.spec().title();
        this.summary = g.spec().summary();
        this.severity = g.spec().severity();
        this.labels = new LinkedHashMap<>(g.spec().labels());
        this.receiver = g.receiver();
        this.externalUrl = g.spec().externalUrl();
        this.detectedAt = g.spec().detectedAt() == null ? now : g.spec().detectedAt();
        this.joinedAt = now;
        this.state = State.FIRING;
        record(g, now);
    }

    /** The latest counts; returns the state before. */
    State record(NewAlertGroup g, Instant now) {
        State before = state;
        firingAlerts = g.firingAlerts();
        totalAlerts = g.totalAlerts();
        truncatedAlerts = g.spec().truncatedAlerts();
        if (g.spec().detectedAt() != null && g.spec().detectedAt().isBefore(detectedAt)) {
            detectedAt = g.spec().detectedAt();
        }
        severity = g.spec().severity();
        labels = new LinkedHashMap<>(g.spec().labels());
        if (g.resolved()) {
            state = State.RESOLVED;
            resolvedAt = before == State.RESOLVED ? resolvedAt : now;
        } else {
            state = State.FIRING;
            resolvedAt = null;
        }
        updatedAt = now;
        return before;
    }

    void splitTo(UUID incident, Instant now) {
        state = State.SPLIT;
        openGroup = null;
        splitAt = now;
        splitTo = incident;
        updatedAt = now;
    }

    void release() {
        openGroup = null;
    }

    void restore() {
        if (state != State.SPLIT) {
            openGroup = groupHash;
        }
    }

    /** How people name it: {@code #3}. */
    public String label() {
        return "#" + ordinal;
    }

    public boolean attached() {
        return openGroup != null;
    }

    public Long getId() {
        return id;
    }

    public UUID getIncidentId() {
        return incidentId;
    }

    public int getOrdinal() {
        return ordinal;
    }

    public String getGroupKey() {
        return groupKey;
    }

    public String getGroupHash() {
        return groupHash;
    }

    public String getTitle() {
        return title;
    }

    public String getSummary() {
        return summary;
    }

    public Severity getSeverity() {
        return severity;
    }

    public Map<String, String> getLabels() {
        return labels;
    }

    public String getReceiver() {
        return receiver;
    }

    public String getExternalUrl() {
        return externalUrl;
    }

    public State getState() {
        return state;
    }

    public int getFiringAlerts() {
        return firingAlerts;
    }

    public int getTotalAlerts() {
        return totalAlerts;
    }

    public int getTruncatedAlerts() {
        return truncatedAlerts;
    }

    public Instant getDetectedAt() {
        return detectedAt;
    }

    public Instant getJoinedAt() {
        return joinedAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }

    public Instant getSplitAt() {
        return splitAt;
    }

    public UUID getSplitTo() {
        return splitTo;
    }
}
