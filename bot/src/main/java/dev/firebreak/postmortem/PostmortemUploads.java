package dev.firebreak.postmortem;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface PostmortemUploads extends JpaRepository<PostmortemUpload, Long> {

    Optional<PostmortemUpload> findByRequestKey(String requestKey);

    List<PostmortemUpload> findByIncidentIdOrderById(UUID incidentId);
}
