package dev.firebreak.incident;

import dev.firebreak.system.logging.IncidentReferences;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Incident references for log lines, cached (a reference never changes once the incident exists). */
@Component
class IncidentLogReferences implements IncidentReferences {

    static final int MAX_CACHED = 10_000;

    private final Incidents incidents;
    private final Map<UUID, String> cache = new ConcurrentHashMap<>();

    IncidentLogReferences(Incidents incidents) {
        this.incidents = incidents;
    }

    @Override
    public String reference(UUID incidentId) {
        String known = cache.get(incidentId);
        if (known != null) {
            return known;
        }
        String reference =
                incidents.findById(incidentId).map(Incident::reference).orElse(null);
        if (reference != null) {
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            cache.put(incidentId, reference);
        }
        return reference;
    }
}
