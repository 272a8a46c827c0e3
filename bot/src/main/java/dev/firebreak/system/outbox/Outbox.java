package dev.firebreak.system.outbox;

import dev.firebreak.system.json.Json;
import dev.firebreak.system.logging.TraceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Enqueues external work durably, in the caller's transaction: the task exists if and only if the change
 * that caused it committed. Enqueueing the same {@code dedupKey} twice keeps the first task.
 */
@Component
public class Outbox {

    private static final JsonMapper JSON = Json.mapper();

    private final OutboxStore store;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Outbox(OutboxStore store, Clock clock, ApplicationEventPublisher events) {
        this.store = store;
        this.clock = clock;
        this.events = events;
    }

    /**
     * @param kind       the handler's {@link OutboxHandler#kind()}
     * @param queueKey   tasks with the same key run strictly in enqueue order (e.g. {@code slack:<incidentId>})
     * @param dedupKey   null, or a key that makes this enqueue idempotent
     * @param incidentId the incident this work belongs to, or null
     * @param payload    serialized as JSON; read back with {@link #payload(OutboxTask, Class)}
     * @return true if a task was written, false if one with the same dedup key already existed
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean enqueue(String kind, String queueKey, String dedupKey, UUID incidentId, Object payload) {
        return enqueueAt(kind, queueKey, dedupKey, incidentId, payload, clock.instant());
    }

    /** As {@link #enqueue}, but not to run before {@code notBefore} (e.g. archive a channel later). */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean enqueueAt(
            String kind, String queueKey, String dedupKey, UUID incidentId, Object payload, Instant notBefore) {
        String json = payload instanceof String s ? s : JSON.writeValueAsString(payload);
        boolean written = store.insert(
                kind, queueKey, dedupKey, incidentId, json, notBefore, clock.instant(), TraceContext.traceId());
        if (written) {
            events.publishEvent(new OutboxWorker.WorkEnqueued());
        }
        return written;
    }

    public static <T> T payload(OutboxTask task, Class<T> type) {
        return JSON.readValue(task.getPayload(), type);
    }
}
