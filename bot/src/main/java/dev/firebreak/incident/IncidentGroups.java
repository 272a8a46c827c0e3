package dev.firebreak.incident;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The alert groups of storm incidents. Read by views and intake; changed only through {@link IncidentManagement}. */
public interface IncidentGroups extends JpaRepository<IncidentGroup, Long> {

    /** The group's attached membership (the group belongs to a storm incident that is not resolved), if any. */
    @Query("select g from IncidentGroup g where g.openGroup = :hash")
    Optional<IncidentGroup> findAttached(@Param("hash") String hash);

    /** The storm incident the group is attached to, without loading the group (load it after locking the incident). */
    @Query("select g.incidentId from IncidentGroup g where g.openGroup = :hash")
    Optional<UUID> findAttachedIncident(@Param("hash") String hash);

    List<IncidentGroup> findByIncidentIdOrderByOrdinal(UUID incidentId);

    Optional<IncidentGroup> findByIncidentIdAndOrdinal(UUID incidentId, int ordinal);

    boolean existsByIncidentId(UUID incidentId);

    @Query("select coalesce(max(g.ordinal), 0) from IncidentGroup g where g.incidentId = :incident")
    int lastOrdinal(@Param("incident") UUID incidentId);
}
