package dev.firebreak.runbook;

import dev.firebreak.runbooks.steps.StepStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One transition of a claimed run: ask the interpreter what is next (it decides retries, polls, approvals' deadlines,
 * cancellation, timeouts, and what a step left RUNNING by a dead process becomes), then write the step's start, run
 * it, and write its result. Each write, with its timeline entry and the run message update, is one transaction,
 * committed before the next step starts.
 */
@Component
class RunSteps {

    /** Runs a step's work with its timeout (the engine's step threads). */
    interface StepExecutor {
        RunbookCore.Outcome execute(Callable<RunbookCore.Outcome> work, Duration timeout, long runId) throws Exception;
    }

    private final RunJournal journal;
    private final RunbookCore core;
    private final RunRecorder recorder;
    private final IncidentFactsSource facts;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final RunbookSettings settings;

    RunSteps(
            RunJournal journal,
            RunbookCore core,
            RunRecorder recorder,
            IncidentFactsSource facts,
            TransactionTemplate tx,
            Clock clock,
            RunbookSettings settings) {
        this.settings = settings;
        this.journal = journal;
        this.core = core;
        this.recorder = recorder;
        this.facts = facts;
        this.tx = tx;
        this.clock = clock;
    }

    /** Takes one transition; true when the run paused (waiting, finished, or claim lost). */
    boolean advanceOnce(RunRow run, String owner, StepExecutor executor, BooleanSupplier alive) {
        Instant now = clock.instant();
        // Keep the claim alive; a claim that expired meanwhile belongs to someone else now.
        if (!journal.extend(run.id(), owner, settings.lease())) {
            return true;
        }
        if (run.startedAt() == null) {
            journal.markStarted(run.id(), now);
            run = journal.find(run.id()).orElseThrow();
        }
        RunRow current = run;
        IncidentFacts incident = facts.of(run.incidentId());
        RunbookCore.Next next = core.next(run, journal.steps(run.id()), incident, now);
        if (next instanceof RunbookCore.Finished f) {
            finish(run, f.status(), f.reason());
            return true;
        }
        if (next instanceof RunbookCore.Sleep s) {
            journal.sleep(run.id(), run.wakes(), s.until(), now);
            return true;
        }
        if (next instanceof RunbookCore.AwaitApproval a) {
            journal.sleep(run.id(), run.wakes(), a.deadline(), now);
            return true;
        }
        if (next instanceof RunbookCore.Mark m) {
            mark(run, m, owner);
            return false;
        }
        RunbookCore.Execute step = (RunbookCore.Execute) next;
        Optional<StepRow> started = start(run, step, owner, now);
        if (started.isEmpty()) {
            return true;
        }
        RunbookCore.Outcome outcome;
        Duration timeout = step.deadline() == null ? null : Duration.between(now, step.deadline());
        try {
            outcome = executor.execute(
                    () -> core.execute(current, step, incident),
                    timeout == null || timeout.isNegative() ? Duration.ofMillis(1) : timeout,
                    run.id());
        } catch (RunbookEngine.StepTimedOut e) {
            outcome = failure(StepStatus.TIMED_OUT, "timeout", "Step " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } catch (Exception e) {
            outcome = failure(StepStatus.FAILED, "error", core.mask(RunMessages.errorText(e)));
        }
        if (!alive.getAsBoolean()) {
            return true; // this engine was halted (a crash, in tests): write nothing more
        }
        record(run, started.get(), outcome);
        return false;
    }

    private Optional<StepRow> start(RunRow run, RunbookCore.Execute step, String owner, Instant now) {
        if (step.resumed()) {
            Optional<StepRow> row = journal.findStep(run.id(), step.stepId(), step.attempt());
            row.ifPresent(r -> journal.runningAgain(r.id(), owner));
            if (row.isPresent()) {
                return row;
            }
        }
        Duration budget = step.deadline() == null ? settings.stepTimeout() : Duration.between(now, step.deadline());
        boolean inserted = Boolean.TRUE.equals(tx.execute(s -> {
            // The claim must outlive the step before the step is marked RUNNING (else another engine could take the
            // run over in between and see a step "left running").
            if (!journal.extendIfHeld(
                    run.id(), owner, (budget.isNegative() ? Duration.ZERO : budget).plus(settings.lease()))) {
                return false;
            }
            if (!journal.startStep(
                    run.id(),
                    step.stepId(),
                    step.type(),
                    step.finallyStep(),
                    step.attempt(),
                    StepStatus.RUNNING,
                    core.mask(RunJson.write(step.maskedRequest())),
                    null,
                    owner,
                    now)) {
                return false;
            }
            if (run.status() != RunStatus.RUNNING) {
                journal.status(run.id(), RunStatus.RUNNING, null, null, now);
            }
            recorder.changed(run);
            return true;
        }));
        return inserted ? journal.findStep(run.id(), step.stepId(), step.attempt()) : Optional.empty();
    }

    private void record(RunRow run, StepRow row, RunbookCore.Outcome o) {
        Instant now = clock.instant();
        tx.executeWithoutResult(s -> {
            String approval = o.approval() == null ? null : RunJson.write(o.approval());
            journal.finishStep(
                    row.id(),
                    o.status(),
                    RunJson.write(o.outputs()),
                    o.summary(),
                    o.planned() == null ? null : RunJson.write(o.planned()),
                    o.errorKind(),
                    o.error(),
                    o.wakeAt(),
                    approval,
                    o.status().terminal() ? now : null);
            StepRow saved = journal.step(row.id()).orElseThrow();
            if (o.status() == StepStatus.AWAITING_APPROVAL) {
                journal.sleep(run.id(), run.wakes(), o.wakeAt(), now);
                recorder.awaitingApproval(run, saved, o.approval());
            } else if (!o.status().terminal()) {
                journal.sleep(run.id(), run.wakes(), o.wakeAt(), now);
                recorder.changed(run);
            } else {
                recorder.stepFinished(run, saved);
            }
        });
    }

    private void mark(RunRow run, RunbookCore.Mark m, String owner) {
        Instant now = clock.instant();
        tx.executeWithoutResult(s -> {
            Optional<StepRow> existing = journal.findStep(run.id(), m.stepId(), m.attempt());
            long rowId;
            if (existing.isPresent()) {
                rowId = existing.get().id();
            } else {
                journal.startStep(
                        run.id(),
                        m.stepId(),
                        m.type(),
                        m.finallyStep(),
                        m.attempt(),
                        m.status(),
                        null,
                        null,
                        owner,
                        now);
                rowId = journal.findStep(run.id(), m.stepId(), m.attempt())
                        .orElseThrow()
                        .id();
            }
            String reason = m.reason() == null ? null : core.mask(m.reason());
            boolean failure = m.status() != StepStatus.SKIPPED;
            journal.markStep(rowId, m.status(), failure ? null : reason, failure ? reason : null, now);
            StepRow saved = journal.step(rowId).orElseThrow();
            recorder.stepFinished(run, saved);
            if (m.status() == StepStatus.INTERRUPTED) {
                recorder.interrupted(run, saved);
            }
        });
    }

    private void finish(RunRow run, RunStatus status, String reason) {
        String masked = reason == null ? null : core.mask(reason);
        tx.executeWithoutResult(s -> {
            Instant now = clock.instant();
            journal.status(run.id(), status, null, masked, now);
            journal.promoteQueued(run.concurrencyKey(), now);
            recorder.runFinished(run, status, masked);
        });
    }

    private static RunbookCore.Outcome failure(StepStatus status, String kind, String error) {
        return new RunbookCore.Outcome(status, Map.of(), error, null, null, null, kind, error);
    }
}
