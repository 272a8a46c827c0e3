package dev.firebreak.alerting;

import dev.firebreak.incident.AlertTotals;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Alert totals per incident, for many incidents in one query (no N+1 on the list endpoint). */
@Component
class AlertTotalsQuery implements AlertTotals {

    private final EntityManager em;

    AlertTotalsQuery(EntityManager em) {
        this.em = em;
    }

    @Override
    public Map<UUID, Counts> of(Collection<UUID> incidentIds) {
        Map<UUID, Counts> out = new HashMap<>();
        if (incidentIds.isEmpty()) {
            return out;
        }
        List<Object[]> rows = em.createQuery(
                        "select a.incidentId, count(a), sum(case when a.status = :firing then 1 else 0 end) "
                                + "from Alert a where a.incidentId in :ids group by a.incidentId",
                        Object[].class)
                .setParameter("firing", Alert.FIRING)
                .setParameter("ids", incidentIds)
                .getResultList();
        for (Object[] row : rows) {
            long total = ((Number) row[1]).longValue();
            long firing = row[2] == null ? 0 : ((Number) row[2]).longValue();
            out.put((UUID) row[0], new Counts(total, firing));
        }
        return out;
    }
}
