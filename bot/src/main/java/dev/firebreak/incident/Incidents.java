package dev.firebreak.incident;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The incident repository. */
public interface Incidents extends JpaRepository<Incident, UUID> {

    Optional<Incident> findByNumber(long number);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Incident i where i.id = :id")
    Optional<Incident> findByIdForUpdate(@Param("id") UUID id);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Incident i where i.openCorrelation = :hash")
    Optional<Incident> findOpenByCorrelationHashForUpdate(@Param("hash") String hash);

    @Query("select i from Incident i where i.openCorrelation = :hash")
    Optional<Incident> findOpenByCorrelationHash(@Param("hash") String hash);

    /** Takes the next incident number: holds the counter row until the transaction ends (see V10). */
    @Modifying(flushAutomatically = true)
    @Query(value = "update incident_counter set last_number = last_number + 1 where id = 1", nativeQuery = true)
    int takeNumber();

    @Query(value = "select last_number from incident_counter where id = 1", nativeQuery = true)
    long lastNumber();

    /** Takes the next drill number (counter row 2, V60): drill incidents are numbered apart, {@code DRILL-<n>}. */
    @Modifying(flushAutomatically = true)
    @Query(value = "update incident_counter set last_number = last_number + 1 where id = 2", nativeQuery = true)
    int takeDrillNumber();

    @Query(value = "select last_number from incident_counter where id = 2", nativeQuery = true)
    long lastDrillNumber();

    @Query(value = "select count(*) from drill where id = :id and status = 'RUNNING'", nativeQuery = true)
    long countRunningDrills(@Param("id") UUID id);

    @Query(
            "select i from Incident i where i.drillId = :drill and i.status <> dev.firebreak.incident.IncidentStatus.RESOLVED")
    List<Incident> findOpenOfDrill(@Param("drill") UUID drill);
}
