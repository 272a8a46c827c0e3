package dev.firebreak.alerting;

import dev.firebreak.incident.IncidentAlerts.AlertFact;
import dev.firebreak.system.json.JsonMapConverter;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** One Alertmanager alert (by fingerprint) attached to an incident. Labels and annotations are untrusted text. */
@Entity
@Table(name = "alert")
public class Alert {

    public static final String FIRING = "firing";
    public static final String RESOLVED = "resolved";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private UUID incidentId;
    private String fingerprint;
    private String alertname;
    private String status;

    @Convert(converter = JsonMapConverter.class)
    private Map<String, String> labels = new LinkedHashMap<>();

    @Convert(converter = JsonMapConverter.class)
    private Map<String, String> annotations = new LinkedHashMap<>();

    private Instant startsAt;
    private Instant endsAt;
    private String generatorUrl;
    private Instant firstSeenAt;
    private Instant lastSeenAt;

    protected Alert() {}

    public Alert(
            UUID incidentId,
            String fingerprint,
            Map<String, String> labels,
            Map<String, String> annotations,
            String status,
            Instant startsAt,
            Instant endsAt,
            String generatorUrl,
            Instant now) {
        this.incidentId = incidentId;
        this.fingerprint = fingerprint;
        this.alertname = AlertRows.alertname(labels);
        this.labels = new LinkedHashMap<>(labels);
        this.annotations = new LinkedHashMap<>(annotations);
        this.status = status;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.generatorUrl = generatorUrl;
        this.firstSeenAt = now;
        this.lastSeenAt = now;
    }

    /** Applies a later sighting of the same alert. */
    public void update(
            Map<String, String> newLabels,
            Map<String, String> newAnnotations,
            String newStatus,
            Instant newStartsAt,
            Instant newEndsAt,
            String newGeneratorUrl,
            Instant now) {
        this.labels = new LinkedHashMap<>(newLabels);
        this.annotations = new LinkedHashMap<>(newAnnotations);
        this.status = newStatus;
        this.startsAt = newStartsAt;
        this.endsAt = newEndsAt;
        this.generatorUrl = newGeneratorUrl;
        this.lastSeenAt = now;
    }

    /** This alert as the views and the REST API show it (copies of its labels and annotations, in order). */
    AlertFact fact() {
        return new AlertFact(
                fingerprint,
                alertname,
                status,
                labels == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(labels)),
                annotations == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(annotations)),
                startsAt,
                endsAt,
                generatorUrl,
                firstSeenAt,
                lastSeenAt);
    }

    public boolean isFiring() {
        return FIRING.equals(status);
    }

    public Long getId() {
        return id;
    }

    public UUID getIncidentId() {
        return incidentId;
    }

    public String getFingerprint() {
        return fingerprint;
    }

    public String getAlertname() {
        return alertname;
    }

    public String getStatus() {
        return status;
    }

    public Map<String, String> getLabels() {
        return labels;
    }

    public Map<String, String> getAnnotations() {
        return annotations;
    }

    public Instant getStartsAt() {
        return startsAt;
    }

    public Instant getEndsAt() {
        return endsAt;
    }

    public String getGeneratorUrl() {
        return generatorUrl;
    }

    public Instant getFirstSeenAt() {
        return firstSeenAt;
    }

    public Instant getLastSeenAt() {
        return lastSeenAt;
    }
}
