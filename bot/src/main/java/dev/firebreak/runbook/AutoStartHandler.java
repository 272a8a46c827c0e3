package dev.firebreak.runbook;

import dev.firebreak.incident.Actor;
import dev.firebreak.system.outbox.Outbox;
import dev.firebreak.system.outbox.OutboxHandler;
import dev.firebreak.system.outbox.OutboxResult;
import dev.firebreak.system.outbox.OutboxTask;
import dev.firebreak.timeline.NewTimelineEntry;
import dev.firebreak.timeline.Timeline;
import dev.firebreak.timeline.TimelineKinds;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code runbook.auto-start}: starts the {@code auto: true} runbooks whose triggers match the incident, once per
 * incident, alert or fingerprint ({@code once-per}): the run's trigger key is unique, so repeated tasks, replicas and
 * restarts start nothing twice. A start that is refused (inputs, concurrency, rate) is written on the timeline.
 */
@Component
class AutoStartHandler implements OutboxHandler {

    static final String KIND = "runbook.auto-start";

    record Task(UUID incidentId) {}

    private final RunbookCore core;
    private final RunbookRuns runs;
    private final RunJournal journal;
    private final IncidentFactsSource facts;
    private final Timeline timeline;
    private final TransactionTemplate tx;
    private final Clock clock;

    AutoStartHandler(
            RunbookCore core,
            RunbookRuns runs,
            RunJournal journal,
            IncidentFactsSource facts,
            Timeline timeline,
            TransactionTemplate tx,
            Clock clock) {
        this.core = core;
        this.runs = runs;
        this.journal = journal;
        this.facts = facts;
        this.timeline = timeline;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public OutboxResult handle(OutboxTask task) {
        UUID incidentId = Outbox.payload(task, Task.class).incidentId();
        IncidentFacts incident = facts.of(incidentId);
        if ("RESOLVED".equals(incident.status())) {
            return OutboxResult.done();
        }
        for (RunbookCore.AutoStart auto : core.autoStarts(incident)) {
            start(incidentId, auto.runbookId(), "auto:" + auto.onceKey());
        }
        return OutboxResult.done();
    }

    private void start(UUID incidentId, String runbookId, String triggerKey) {
        if (journal.triggerUsed(triggerKey)) {
            return;
        }
        try {
            runs.startRow(incidentId, new StartRequest(runbookId, Map.of(), false, Actor.system(), "auto"), triggerKey);
        } catch (RunRefusedException e) {
            tx.executeWithoutResult(s -> timeline.record(NewTimelineEntry.of(
                            incidentId,
                            clock.instant(),
                            TimelineKinds.RUNBOOK_STEP,
                            Actor.system(),
                            "Runbook " + runbookId + " did not start automatically: " + core.mask(e.getMessage()))
                    .withDedupKey("rb-auto-refused:" + triggerKey)));
        }
    }
}
