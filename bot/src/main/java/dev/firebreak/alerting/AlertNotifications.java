package dev.firebreak.alerting;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Accepted Alertmanager notifications (an audit log of intake). */
public interface AlertNotifications extends JpaRepository<AlertNotification, Long> {

    List<AlertNotification> findByIncidentIdOrderByIdAsc(UUID incidentId);

    List<AlertNotification> findByGroupKeyOrderByIdAsc(String groupKey);
}
