package dev.firebreak.incident;

import dev.firebreak.system.json.JsonMapConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** An incident record. Its status only changes through {@link #moveTo}, the lifecycle state machine. */
@Entity
@Table(name = "incident")
public class Incident {

    @Id
    private UUID id;

    private long number;
    private String title;
    private String summary;

    @Enumerated(EnumType.STRING)
    private Severity severity;

    @Enumerated(EnumType.STRING)
    private IncidentStatus status;

    @Enumerated(EnumType.STRING)
    private IncidentSource source;

    private String correlationKey;
    private String openCorrelation;
    private Instant detectedAt;
    private Instant openedAt;
    private Instant acknowledgedAt;
    private Instant mitigatedAt;
    private Instant resolvedAt;
    private String service;
    private String team;
    private String cluster;
    private String namespace;

    @Convert(converter = JsonMapConverter.class)
    @Column(name = "labels")
    private Map<String, String> labels = new LinkedHashMap<>();

    private String externalUrl;
    private int truncatedAlerts;
    private String commander;
    private String scribe;
    private String comms;
    /** The drill this incident belongs to (issue 14); null for real incidents. Drill incidents have negative numbers. */
    private UUID drillId;

    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private long version;

    protected Incident() {}

    Incident(UUID id, long number, NewIncident spec, Instant now) {
        this.id = id;
        this.number = number;
        this.title = spec.title();
        this.summary = spec.summary();
        this.severity = spec.severity();
        this.status = IncidentStatus.TRIGGERED;
        this.source = spec.source();
        this.correlationKey = spec.correlationKey();
        this.openCorrelation = spec.correlationKey() == null ? null : CorrelationKeys.hash(spec.correlationKey());
        this.detectedAt = spec.detectedAt() == null ? now : spec.detectedAt();
        this.openedAt = now;
        this.labels = new LinkedHashMap<>(spec.labels());
        this.service = spec.labels().get("service");
        this.team = spec.labels().get("team");
        this.cluster = spec.labels().get("cluster");
        this.namespace = spec.labels().get("namespace");
        this.externalUrl = spec.externalUrl();
        this.truncatedAlerts = spec.truncatedAlerts();
        this.createdAt = now;
        this.updatedAt = now;
    }

    /**
     * Moves the incident along its lifecycle and stamps the milestone of the new status.
     *
     * @throws IllegalTransitionException for anything the state machine does not allow
     */
    void moveTo(IncidentStatus next, Instant now) {
        if (!status.canMoveTo(next)) {
            throw new IllegalTransitionException(status, next);
        }
        switch (next) {
            case TRIGGERED -> {
                resolvedAt = null;
                mitigatedAt = null;
            }
            case ACKNOWLEDGED -> acknowledgedAt = acknowledgedAt == null ? now : acknowledgedAt;
            case MITIGATED -> mitigatedAt = mitigatedAt == null ? now : mitigatedAt;
            case RESOLVED -> {
                resolvedAt = now;
                openCorrelation = null;
            }
        }
        status = next;
        updatedAt = now;
    }

    void markDrill(UUID drill) {
        this.drillId = drill;
    }

    void restoreCorrelation() {
        this.openCorrelation = correlationKey == null ? null : CorrelationKeys.hash(correlationKey);
    }

    void changeSeverity(Severity next, Instant now) {
        this.severity = next;
        this.updatedAt = now;
    }

    void assign(IncidentRole role, String assignee, Instant now) {
        switch (role) {
            case COMMANDER -> commander = assignee;
            case SCRIBE -> scribe = assignee;
            case COMMS -> comms = assignee;
        }
        updatedAt = now;
    }

    void changeSummary(String newSummary, Instant now) {
        this.summary = newSummary;
        this.updatedAt = now;
    }

    /** Alert intake: the earliest alert start seen so far and the latest truncation count. */
    void recordAlertFacts(Instant earliestStart, int truncated, Instant now) {
        if (earliestStart != null && earliestStart.isBefore(detectedAt)) {
            detectedAt = earliestStart;
        }
        truncatedAlerts = truncated;
        updatedAt = now;
    }

    public String role(IncidentRole role) {
        return switch (role) {
            case COMMANDER -> commander;
            case SCRIBE -> scribe;
            case COMMS -> comms;
        };
    }

    public String reference() {
        return reference(number);
    }

    /** The prefix of {@link #reference(long)}; references are read back case-insensitively. */
    public static final String REFERENCE_PREFIX = "INC-";
    /** The prefix of drill incidents' references (issue 14). */
    public static final String DRILL_REFERENCE_PREFIX = "DRILL-";

    /**
     * How people read an incident number: {@code INC-<n>}, or {@code DRILL-<n>} for drill incidents (stored with
     * negative numbers, numbered apart). The one place it is formatted.
     */
    public static String reference(long number) {
        return number < 0 ? DRILL_REFERENCE_PREFIX + -number : REFERENCE_PREFIX + number;
    }

    public boolean isDrill() {
        return drillId != null;
    }

    public UUID getDrillId() {
        return drillId;
    }

    public UUID getId() {
        return id;
    }

    public long getNumber() {
        return number;
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

    public IncidentStatus getStatus() {
        return status;
    }

    public IncidentSource getSource() {
        return source;
    }

    public String getCorrelationKey() {
        return correlationKey;
    }

    public Instant getDetectedAt() {
        return detectedAt;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public Instant getAcknowledgedAt() {
        return acknowledgedAt;
    }

    public Instant getMitigatedAt() {
        return mitigatedAt;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }

    public String getService() {
        return service;
    }

    public String getTeam() {
        return team;
    }

    public String getCluster() {
        return cluster;
    }

    public String getNamespace() {
        return namespace;
    }

    public Map<String, String> getLabels() {
        return labels;
    }

    public String getExternalUrl() {
        return externalUrl;
    }

    public int getTruncatedAlerts() {
        return truncatedAlerts;
    }

    public String getCommander() {
        return commander;
    }

    public String getScribe() {
        return scribe;
    }

    public String getComms() {
        return comms;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
