package dev.firebreak.incident;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read side: pages of incidents and one incident as {@link IncidentView}, the one read model other modules
 * use (with its alert counts from {@link AlertTotals} and its chat channel from {@link IncidentChannels}).
 */
@Service
public class IncidentQueries {

    private final EntityManager em;
    private final IncidentManagement management;
    private final AlertTotals alertCounts;
    private final IncidentChannels channels;

    IncidentQueries(
            EntityManager em, IncidentManagement management, AlertTotals alertCounts, IncidentChannels channels) {
        this.em = em;
        this.management = management;
        this.alertCounts = alertCounts;
        this.channels = channels;
    }

    /** Newest first (by number); empty filter sets mean "any". */
    @Transactional(readOnly = true)
    public IncidentPageView list(Set<IncidentStatus> statuses, Set<Severity> severities, int page, int size) {
        List<String> where = new ArrayList<>();
        if (!statuses.isEmpty()) {
            where.add("i.status in :statuses");
        }
        if (!severities.isEmpty()) {
            where.add("i.severity in :severities");
        }
        String filter = where.isEmpty() ? "" : " where " + String.join(" and ", where);

        TypedQuery<Long> count = em.createQuery("select count(i) from Incident i" + filter, Long.class);
        TypedQuery<Incident> select =
                em.createQuery("select i from Incident i" + filter + " order by i.number desc", Incident.class);
        if (!statuses.isEmpty()) {
            count.setParameter("statuses", statuses);
            select.setParameter("statuses", statuses);
        }
        if (!severities.isEmpty()) {
            count.setParameter("severities", severities);
            select.setParameter("severities", severities);
        }
        long total = count.getSingleResult();
        long offset = (long) page * size;
        List<Incident> incidents = offset >= total
                ? List.of()
                : select.setFirstResult((int) Math.min(offset, Integer.MAX_VALUE))
                        .setMaxResults(size)
                        .getResultList();

        List<UUID> ids = incidents.stream().map(Incident::getId).toList();
        Map<UUID, AlertTotals.Counts> counts = alertCounts.of(ids);
        Map<UUID, IncidentChannels.Channel> channelsOf = channels.of(ids);
        List<IncidentView> items = incidents.stream()
                .map(i -> IncidentView.of(
                        i, counts.getOrDefault(i.getId(), AlertTotals.Counts.NONE), channelsOf.get(i.getId())))
                .toList();
        return new IncidentPageView(items, page, size, total);
    }

    /** By UUID, number or INC-n; {@link IncidentNotFoundException} (404) otherwise. */
    @Transactional(readOnly = true)
    public IncidentView view(String reference) {
        return view(management.require(reference));
    }

    /** The incident as it is now; {@link IncidentNotFoundException} (404) if there is none. */
    @Transactional(readOnly = true)
    public IncidentView view(UUID id) {
        return view(management.get(id));
    }

    public IncidentView view(Incident incident) {
        return IncidentView.of(
                incident,
                alertCounts.of(incident.getId()),
                channels.of(incident.getId()).orElse(null));
    }
}
