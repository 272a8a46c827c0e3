package dev.firebreak.system.outbox;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Read access to outbox tasks (tests, admin views). The worker writes through {@link OutboxStore}. */
public interface OutboxTasks extends JpaRepository<OutboxTask, Long> {

    List<OutboxTask> findByIncidentIdOrderById(UUID incidentId);

    List<OutboxTask> findByKindOrderById(String kind);

    List<OutboxTask> findByStatusOrderById(String status);
}
