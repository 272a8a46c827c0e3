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

    @Query(
            "select e from TimelineEntry e where e.incidentId = :incidentId order by e.occurredAt desc, e.recordedAt desc, e.id desc")
    List<TimelineEntry> latest(@Param("incidentId") UUID incidentId, Pageable pageable);

    /** One page in timeline order; without superseded entries unless {@code includeSuperseded}. */
    @Query(
            value = "select e from TimelineEntry e where e.incidentId = :incidentId and (:includeSuperseded = true "
                    + "or not exists (select 1 from TimelineEntry s where s.supersedesId = e.id)) "
                    + "order by e.occurredAt, e.recordedAt, e.id",
            countQuery =
                    "select count(e) from TimelineEntry e where e.incidentId = :incidentId and (:includeSuperseded = true "
                            + "or not exists (select 1 from TimelineEntry s where s.supersedesId = e.id))")
    org.springframework.data.domain.Page<TimelineEntry> page(
            @Param("incidentId") UUID incidentId,
            @Param("includeSuperseded") boolean includeSuperseded,
            Pageable pageable);

    /** The entries that supersede any of {@code ids}. */
    List<TimelineEntry> findBySupersedesIdIn(java.util.Collection<Long> ids);

    boolean existsByIncidentIdAndDedupKey(UUID incidentId, String dedupKey);

    long countByIncidentId(UUID incidentId);

    java.util.Optional<TimelineEntry> findByIncidentIdAndDedupKey(UUID incidentId, String dedupKey);
}
