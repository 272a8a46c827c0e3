package dev.firebreak.postmortem;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One request to upload a draft to Slack and how far it got (PENDING, UPLOADED, COMPLETED). */
@Entity
@Table(name = "postmortem_upload")
class PostmortemUpload {

    static final String PENDING = "PENDING";
    static final String UPLOADED = "UPLOADED";
    static final String COMPLETED = "COMPLETED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private UUID incidentId;
    private String requestKey;
    private String state;
    private String channelId;
    private String fileId;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant completedAt;

    protected PostmortemUpload() {}

    PostmortemUpload(UUID incidentId, String requestKey, Instant now) {
        this.incidentId = incidentId;
        this.requestKey = requestKey;
        this.state = PENDING;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void uploaded(String file, String channel, Instant now) {
        state = UPLOADED;
        fileId = file;
        channelId = channel;
        updatedAt = now;
    }

    void completed(Instant now) {
        state = COMPLETED;
        completedAt = now;
        updatedAt = now;
    }

    void restart(Instant now) {
        state = PENDING;
        fileId = null;
        updatedAt = now;
    }

    Long getId() {
        return id;
    }

    UUID getIncidentId() {
        return incidentId;
    }

    String getRequestKey() {
        return requestKey;
    }

    String getState() {
        return state;
    }

    String getChannelId() {
        return channelId;
    }

    String getFileId() {
        return fileId;
    }

    Instant getCompletedAt() {
        return completedAt;
    }
}
