package dev.firebreak.system.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an operator sees of the outbox and may do to it (the console's operations page; the REST API is
 * {@code OutboxController}): the backlog per kind and state, the dead and failed tasks, and re-driving one.
 * No payloads: they may hold people's text.
 */
@Component
public class OutboxAdmin {

    /** Unfinished tasks of one kind in one state, and the oldest due one (pending only). */
    public record Backlog(String kind, String state, long tasks, Instant oldestDue) {}

    public record Task(
            long id,
            String kind,
            String state,
            String queueKey,
            UUID incidentId,
            int attempts,
            String lastError,
            Instant createdAt,
            Instant completedAt) {

        static Task of(OutboxTask t) {
            return new Task(
                    t.getId(),
                    t.getKind(),
                    t.getStatus().toLowerCase(Locale.ROOT),
                    t.getQueueKey(),
                    t.getIncidentId(),
                    t.getAttempts(),
                    t.getLastError(),
                    t.getCreatedAt(),
                    t.getCompletedAt());
        }
    }

    private final OutboxStore store;
    private final OutboxTasks tasks;
    private final Clock clock;

    OutboxAdmin(OutboxStore store, OutboxTasks tasks, Clock clock) {
        this.store = store;
        this.tasks = tasks;
        this.clock = clock;
    }

    public List<Backlog> backlog() {
        return store.backlog(clock.instant()).stream()
                .map(b -> new Backlog(b.kind(), b.status().toLowerCase(Locale.ROOT), b.tasks(), b.oldestDue()))
                .toList();
    }

    /** Dead, then failed tasks, oldest first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<Task> stuck(int limit) {
        return java.util.stream.Stream.concat(
                        tasks.findByStatusOrderById(OutboxTask.DEAD).stream(),
                        tasks.findByStatusOrderById(OutboxTask.FAILED).stream())
                .limit(limit)
                .map(Task::of)
                .toList();
    }

    /** Tasks in one stored status ({@link OutboxTask#DEAD}, ...), oldest first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<Task> inStatus(String status, int limit) {
        return tasks.findByStatusOrderById(status).stream()
                .limit(limit)
                .map(Task::of)
                .toList();
    }

    public Optional<Task> task(long id) {
        return tasks.findById(id).map(Task::of);
    }

    /** Puts a dead or failed task back in its queue with fresh attempts; false when it is neither. */
    public boolean redrive(long id) {
        return store.redrive(id, clock.instant());
    }
}
