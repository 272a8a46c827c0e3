package dev.firebreak.paging;

import dev.firebreak.integrations.pagerduty.PagerDutyClient;
import dev.firebreak.integrations.pagerduty.PagerDutyException;
import dev.firebreak.system.outbox.Outbox;
import dev.firebreak.system.outbox.OutboxHandler;
import dev.firebreak.system.outbox.OutboxResult;
import dev.firebreak.system.outbox.OutboxTask;
import dev.firebreak.system.pacing.Priority;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@code pagerduty.note}: a Firebreak severity or status change becomes a note on the PagerDuty incident
 * ({@code POST /incidents/{id}/notes}), once its id is known. Waits (bounded) for the id on its own queue;
 * an incident whose page never went out gets no notes.
 */
@Component
class PagerDutyNoteHandler implements OutboxHandler {

    static final int MAX_ATTEMPTS = 15;

    private final PagerDutyClient client;
    private final PagingStore store;
    private final Clock clock;
    private final PagerDutyPacing pacing;

    PagerDutyNoteHandler(PagerDutyClient client, PagingStore store, Clock clock, PagerDutyPacing pacing) {
        this.client = client;
        this.store = store;
        this.clock = clock;
        this.pacing = pacing;
    }

    @Override
    public String kind() {
        return PagingTasks.NOTE;
    }

    @Override
    public OutboxResult handle(OutboxTask task) {
        PagingTasks.NoteTask note = Outbox.payload(task, PagingTasks.NoteTask.class);
        Optional<PagingState> state = store.find(note.incidentId());
        if (state.isEmpty()) {
            return OutboxResult.done();
        }
        String pdId = state.get().pdIncidentId();
        if (pdId == null) {
            if (task.getAttempts() < MAX_ATTEMPTS) {
                return OutboxResult.retry("PagerDuty incident id not known yet");
            }
            // A page that never went out already shows its own warning; a page we could not link does now.
            return state.get().triggered()
                    ? OutboxResult.failed("PagerDuty note not added: the PagerDuty incident id never became known")
                    : OutboxResult.done();
        }
        Optional<OutboxResult> wait = pacing.rest("note", Priority.LOW);
        if (wait.isPresent()) {
            return wait.get();
        }
        try {
            client.addNote(pdId, note.content());
            return OutboxResult.done();
        } catch (PagerDutyException e) {
            pacing.restFailed(e);
            return PagerDutyOutcomes.of("note", e, clock);
        }
    }
}
