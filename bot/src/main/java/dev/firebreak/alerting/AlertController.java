package dev.firebreak.alerting;

import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentManagement;
import dev.firebreak.system.web.Paging;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/incidents/{ref}/alerts}: the alerts of one incident (UUID, number or INC-n). */
@RestController
class AlertController {

    private final IncidentManagement incidents;
    private final Alerts alerts;

    AlertController(IncidentManagement incidents, Alerts alerts) {
        this.incidents = incidents;
        this.alerts = alerts;
    }

    static final int DEFAULT_PAGE_SIZE = 500;
    static final int MAX_PAGE_SIZE = 1000;

    /** One page of the incident's alerts, ordered by startsAt (a storm incident holds tens of thousands). */
    @GetMapping("/api/incidents/{ref}/alerts")
    @Transactional(readOnly = true)
    public IncidentAlertsView alerts(
            @PathVariable String ref,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) int size) {
        PageRequest request = Paging.of(page, size, MAX_PAGE_SIZE, Sort.by("startsAt", "id"));
        Incident incident = incidents.require(ref);
        Page<Alert> found = alerts.findByIncidentId(incident.getId(), request);
        return IncidentAlertsView.of(
                incident,
                found.getContent(),
                alerts.countByIncidentIdAndStatus(incident.getId(), Alert.FIRING),
                page,
                size,
                found.getTotalElements());
    }
}
