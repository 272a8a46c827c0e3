package dev.firebreak.timeline;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The timeline repository (append-only: nothing here updates or deletes). */
public interface TimelineEntries extends JpaRepository<TimelineEntry, Long> {

    @Query("select e from TimelineEntry e where e.incidentId = :incidentId order by e.occurredAt, e.recordedAt, e.id")
    List<TimelineEntry> ordered(@Param("incidentId") UUID incidentId);

    @Query("select e from TimelineEntry e where e.incidentId = :incidentId order by e.occurredAt desc, e.recordedAt desc, e.id desc")
    List<TimelineEntry> latest(@Param("incidentId") UUID incidentId, Pageable pageable);

    boolean existsByIncidentIdAndDedupKey(UUID incidentId, String dedupKey);

    long countByIncidentId(UUID incidentId);

    java.util.Optional<TimelineEntry> findByIncidentIdAndDedupKey(UUID incidentId, String dedupKey);

    List<TimelineEntry> findByIncidentIdAndKindOrderByOccurredAt(UUID incidentId, String kind);
}
