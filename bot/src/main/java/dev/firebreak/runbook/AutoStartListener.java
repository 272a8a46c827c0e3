package dev.firebreak.runbook;

import dev.firebreak.incident.IncidentOpened;
import dev.firebreak.incident.IncidentUpdated;
import dev.firebreak.system.outbox.Outbox;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Incidents opened or whose alerts changed may start {@code auto: true} runbooks: enqueues (in the incident's own
 * transaction, so nothing is lost) a {@code runbook.auto-start} task that matches triggers outside the intake path.
 */
@Component
class AutoStartListener {

    private final RunbookCore core;
    private final Outbox outbox;
    private final TransactionTemplate tx;

    AutoStartListener(RunbookCore core, Outbox outbox, TransactionTemplate tx) {
        this.core = core;
        this.outbox = outbox;
        this.tx = tx;
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
        if (core.hasAutoRunbooks()) {
            // Joins the change's transaction (the usual case), or makes one for an event published outside any.
            tx.executeWithoutResult(s -> outbox.enqueue(
                    AutoStartHandler.KIND,
                    "runbook-auto:" + incidentId,
                    null,
                    incidentId,
                    new AutoStartHandler.Task(incidentId)));
        }
    }
}
