package dev.firebreak.runbook;

import dev.firebreak.runbooks.steps.StepStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Builds {@link RunView}s from the journal, masking every string once more on the way out. */
@Component
class RunViews {

    private final RunJournal journal;
    private final RunbookCore core;

    RunViews(RunJournal journal, RunbookCore core) {
        this.journal = journal;
        this.core = core;
    }

    RunView of(RunRow run) {
        return of(run, journal.steps(run.id()));
    }

    RunView of(RunRow run, List<StepRow> steps) {
        Map<String, Object> inputs = RunJson.map(core.mask(run.inputs()));
        String by = run.requestedByName() != null ? run.requestedByName() : run.requestedBy();
        return new RunView(
                run.id(),
                run.incidentId(),
                run.runbookId(),
                core.mask(run.runbookTitle()),
                run.status(),
                run.dryRun(),
                run.dryRunReason(),
                by,
                run.requestedVia(),
                inputs,
                core.mask(run.reason()),
                run.createdAt(),
                run.startedAt(),
                run.finishedAt(),
                steps.stream().map(this::step).toList());
    }

    RunView.StepView step(StepRow s) {
        Long millis = s.finishedAt() == null
                ? null
                : Duration.between(s.startedAt(), s.finishedAt()).toMillis();
        Map<String, Object> outputs =
                s.status() == StepStatus.AWAITING_APPROVAL ? Map.of() : RunJson.map(core.mask(s.outputs()));
        return new RunView.StepView(
                s.stepId(),
                s.stepType(),
                s.finallyStep(),
                s.attempt(),
                s.status(),
                s.startedAt(),
                s.finishedAt(),
                millis,
                core.mask(s.summary()),
                outputs,
                RunJson.value(core.mask(s.planned())),
                core.mask(s.error()),
                core.mask(s.decidedBy()));
    }
}
