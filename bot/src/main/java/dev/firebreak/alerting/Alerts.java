package dev.firebreak.alerting;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** The alert repository. */
public interface Alerts extends JpaRepository<Alert, Long> {

    List<Alert> findByIncidentIdOrderByStartsAtAscIdAsc(UUID incidentId);

    /** One page of an incident's alerts (the API; a storm incident holds tens of thousands). */
    Page<Alert> findByIncidentId(UUID incidentId, Pageable pageable);

    long countByIncidentId(UUID incidentId);

    long countByIncidentIdAndStatus(UUID incidentId, String status);
}
