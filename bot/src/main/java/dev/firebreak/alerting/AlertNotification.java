package dev.firebreak.alerting;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The record of one accepted Alertmanager notification and what Firebreak did with it. */
@Entity
@Table(name = "alert_notification")
public class AlertNotification {

    /** What an accepted notification did. */
    public enum Outcome {
        OPENED,
        UPDATED,
        RESOLVED,
        IGNORED_NO_OPEN_INCIDENT,
        JOINED_STORM
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Instant receivedAt;
    private String receiver;
    private String groupKey;
    private String status;
    private String externalUrl;
    private int alertCount;
    private int truncatedAlerts;

    @Enumerated(EnumType.STRING)
    private Outcome outcome;

    private UUID incidentId;

    protected AlertNotification() {}

    AlertNotification(AlertmanagerNotification n, Instant receivedAt, Outcome outcome, UUID incidentId) {
        this.receivedAt = receivedAt;
        this.receiver = shorten(n.receiver(), 255);
        this.groupKey = n.groupKey();
        this.status = n.status();
        this.externalUrl = shorten(n.externalUrl(), IncidentDrafts.MAX_URL);
        this.alertCount = n.alerts().size();
        this.truncatedAlerts = n.truncatedAlerts();
        this.outcome = outcome;
        this.incidentId = incidentId;
    }

    private static String shorten(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    public Long getId() {
        return id;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public String getReceiver() {
        return receiver;
    }

    public String getGroupKey() {
        return groupKey;
    }

    public String getStatus() {
        return status;
    }

    public String getExternalUrl() {
        return externalUrl;
    }

    public int getAlertCount() {
        return alertCount;
    }

    public int getTruncatedAlerts() {
        return truncatedAlerts;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public UUID getIncidentId() {
        return incidentId;
    }
}
