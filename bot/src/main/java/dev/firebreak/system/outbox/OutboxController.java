package dev.firebreak.system.outbox;

import dev.firebreak.system.outbox.OutboxAdmin.Task;
import dev.firebreak.system.web.BadRequestException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    private static final Map<String, String> STATES =
            Map.of("dead", OutboxTask.DEAD, "failed", OutboxTask.FAILED, "pending", OutboxTask.PENDING);

    private final OutboxAdmin admin;

    OutboxController(OutboxAdmin admin) {
        this.admin = admin;
    }

    @GetMapping
    List<Task> list(@RequestParam(defaultValue = "dead") String state) {
        String status = STATES.get(state.toLowerCase(Locale.ROOT));
        if (status == null) {
            throw new BadRequestException("state must be one of dead, failed, pending");
        }
        return admin.inStatus(status, 500);
    }

    @PostMapping("/{id}/retry")
    Task retry(@PathVariable long id) {
        Task task = admin.task(id)
                .orElseThrow(() -> new BadRequestException(HttpStatus.NOT_FOUND, "not_found", "no outbox task " + id));
        if (!admin.redrive(id)) {
            throw new BadRequestException(
                    HttpStatus.CONFLICT,
                    "not_dead",
                    "outbox task " + id + " is " + task.state() + "; only dead or failed tasks are re-driven");
        }
        return admin.task(id).orElseThrow();
    }
}
