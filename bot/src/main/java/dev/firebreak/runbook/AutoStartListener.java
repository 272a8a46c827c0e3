package dev.firebreak.runbook;

import dev.firebreak.incident.IncidentOpened;
import dev.firebreak.incident.IncidentUpdated;
import dev.firebreak.system.outbox.Outbox;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Incidents opened or whose alerts changed may start {@code auto: true} runbooks: enqueues (in the incident's own
 * transaction, so nothing is lost) a {@code runbook.auto-start} task that matches triggers outside the intake path.
 */
@Component
class AutoStartListener {

    private final RunbookCore core;
    private final Outbox outbox;

    AutoStartListener(RunbookCore core, Outbox outbox) {
        this.core = core;
        this.outbox = outbox;
    }

    @EventListener
    void on(IncidentOpened e) {
        enqueue(e.incidentId());
    }

    @EventListener
    void on(IncidentUpdated e) {
        if ("alerts".equals(e.what())) {
            enqueue(e.incidentId());
        }
    }

    private void enqueue(java.util.UUID incidentId) {
        if (core.catalog().stream().anyMatch(RunbookCore.Loaded::auto)) {
            outbox.enqueue(AutoStartHandler.KIND, "runbook-auto:" + incidentId, null, incidentId,
                    new AutoStartHandler.Task(incidentId));
        }
    }
}
