package dev.firebreak.system.outbox;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One durable unit of external work. Handlers see it read-only; the worker owns its state. */
@Entity
@Table(name = "outbox_task")
public class OutboxTask {

    public static final String PENDING = "PENDING";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";
    /** Out of attempts ({@code firebreak.outbox.max-attempts}) with a transient error: waits for a person. */
    public static final String DEAD = "DEAD";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String kind;
    private String queueKey;
    private String dedupKey;
    private UUID incidentId;
    private String payload;
    private String status;
    private int attempts;
    private Instant notBefore;
    private String leaseOwner;
    private Instant leaseUntil;
    private String lastError;
    private Instant createdAt;
    private Instant completedAt;
    private String traceId;

    protected OutboxTask() {}

    public Long getId() {
        return id;
    }

    public String getKind() {
        return kind;
    }

    public String getQueueKey() {
        return queueKey;
    }

    public String getDedupKey() {
        return dedupKey;
    }

    public UUID getIncidentId() {
        return incidentId;
    }

    public String getPayload() {
        return payload;
    }

    public String getStatus() {
        return status;
    }
    /** How many times this task has been claimed, including the current attempt. */
    public int getAttempts() {
        return attempts;
    }

    public Instant getNotBefore() {
        return notBefore;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }
    /** The trace id of the request that enqueued this task, or null (tasks written before V40). */
    public String getTraceId() {
        return traceId;
    }
}
