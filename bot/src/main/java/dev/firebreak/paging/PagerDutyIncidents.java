package dev.firebreak.paging;

import dev.firebreak.integrations.pagerduty.NewPagerDutyIncident;
import dev.firebreak.integrations.pagerduty.PagerDutyClient;
import dev.firebreak.integrations.pagerduty.PagerDutyException;
import dev.firebreak.integrations.pagerduty.PagerDutyIncident;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Creates PagerDuty incidents through REST exactly once per incident_key: a retry after a crash gets PagerDuty's
 * 400 "open incident with this key already exists", and then the existing incident is looked up and returned.
 */
@Component
class PagerDutyIncidents {

    private final PagerDutyClient client;
    private final PagerDutyLookups lookups;

    PagerDutyIncidents(PagerDutyClient client, PagerDutyLookups lookups) {
        this.client = client;
        this.lookups = lookups;
    }

    PagerDutyIncident createOnce(NewPagerDutyIncident incident) {
        try {
            return client.createIncident(incident);
        } catch (PagerDutyException e) {
            if (e.status() == 400 && incident.incidentKey() != null) {
                Optional<PagerDutyIncident> existing = lookups.incidentByKey(incident.incidentKey());
                if (existing.isPresent()) {
                    return existing.get();
                }
            }
            throw e;
        }
    }
}
