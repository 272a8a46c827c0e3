package dev.firebreak.runbooks.engine;

import dev.firebreak.runbooks.IncidentContext;
import dev.firebreak.runbooks.model.Runbook;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the interpreter needs about a run: the runbook snapshot, resolved inputs (from
 * {@link RunStarter#prepare}), the incident, who started it, dry run, when it started, whether cancel was requested,
 * and the journal in the order written (several records per step for retries and polls; the last one counts).
 */
public record RunState(
        String runId,
        Runbook runbook,
        Map<String, Object> inputs,
        IncidentContext incident,
        String requester,
        boolean dryRun,
        Instant startedAt,
        boolean cancelRequested,
        List<StepRecord> journal) {

    public RunState {
        inputs = Map.copyOf(inputs);
        journal = List.copyOf(journal);
    }

    public RunState withJournal(List<StepRecord> newJournal) {
        return new RunState(
                runId, runbook, inputs, incident, requester, dryRun, startedAt, cancelRequested, newJournal);
    }

    public RunState cancelled() {
        return new RunState(runId, runbook, inputs, incident, requester, dryRun, startedAt, true, journal);
    }
}
