package dev.firebreak.system.outbox;

import dev.firebreak.system.web.BadRequestException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/outbox?state=dead} lists tasks by state (dead, failed, pending) with their last error;
 * {@code POST /api/outbox/{id}/retry} re-drives a dead or failed task (fresh attempts, back in its queue).
 */
@RestController
@RequestMapping("/api/outbox")
class OutboxController {

    /** One task as the API shows it (no payload: it may hold people's text). */
    record TaskView(
            long id,
            String kind,
            String state,
            String queueKey,
            UUID incidentId,
            int attempts,
            String lastError,
            Instant createdAt,
            Instant completedAt) {

        static TaskView of(OutboxTask t) {
            return new TaskView(
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

    private static final Map<String, String> STATES =
            Map.of("dead", OutboxTask.DEAD, "failed", OutboxTask.FAILED, "pending", OutboxTask.PENDING);

    private final OutboxTasks tasks;
    private final OutboxStore store;
    private final Clock clock;

    OutboxController(OutboxTasks tasks, OutboxStore store, Clock clock) {
        this.tasks = tasks;
        this.store = store;
        this.clock = clock;
    }

    @GetMapping
    List<TaskView> list(@RequestParam(defaultValue = "dead") String state) {
        String status = STATES.get(state.toLowerCase(Locale.ROOT));
        if (status == null) {
            throw new BadRequestException("state must be one of dead, failed, pending");
        }
        return tasks.findByStatusOrderById(status).stream()
                .limit(500)
                .map(TaskView::of)
                .toList();
    }

    @PostMapping("/{id}/retry")
    TaskView retry(@PathVariable long id) {
        OutboxTask task = tasks.findById(id)
                .orElseThrow(() -> new BadRequestException(HttpStatus.NOT_FOUND, "not_found", "no outbox task " + id));
        if (!store.redrive(id, clock.instant())) {
            throw new BadRequestException(
                    HttpStatus.CONFLICT,
                    "not_dead",
                    "outbox task " + id + " is " + task.getStatus().toLowerCase(Locale.ROOT)
                            + "; only dead or failed tasks are re-driven");
        }
        return tasks.findById(id).map(TaskView::of).orElseThrow();
    }
}
