package dev.firebreak.alerting;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** The alert repository. */
public interface Alerts extends JpaRepository<Alert, Long> {

    List<Alert> findByIncidentIdOrderByStartsAtAscIdAsc(UUID incidentId);

    Optional<Alert> findByIncidentIdAndFingerprint(UUID incidentId, String fingerprint);

    long countByIncidentId(UUID incidentId);

    long countByIncidentIdAndStatus(UUID incidentId, String status);
}
