package dev.firebreak.runbook;

import dev.firebreak.incident.Actor;
import dev.firebreak.metrics.IncidentMetrics;
import dev.firebreak.slack.SlackActions;
import dev.firebreak.system.outbox.Outbox;
import dev.firebreak.timeline.NewTimelineEntry;
import dev.firebreak.timeline.Timeline;
import dev.firebreak.timeline.TimelineKinds;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes a run visible, in the transaction that changed it: {@code runbook.step} timeline entries (idempotent per
 * step attempt and outcome) and an update of the run's one Slack message through the outbox.
 */
@Component
class RunRecorder {

    static final String MESSAGE_TASK = "runbook.message";

    private final RunJournal journal;
    private final RunViews views;
    private final Timeline timeline;
    private final Outbox outbox;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final IncidentMetrics metrics;

    RunRecorder(
            RunJournal journal,
            RunViews views,
            Timeline timeline,
            Outbox outbox,
            Clock clock,
            ApplicationEventPublisher events,
            IncidentMetrics metrics) {
        this.metrics = metrics;
        this.journal = journal;
        this.views = views;
        this.timeline = timeline;
        this.outbox = outbox;
        this.clock = clock;
        this.events = events;
    }

    static Actor actor(RunRow run) {
        return new Actor("runbook", run.runbookId(), "runbook " + run.runbookId());
    }

    /** The run message shows the run's current state: enqueue a (coalesced) update. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void changed(RunRow run) {
        long version = journal.bumpMessage(run.id());
        outbox.enqueue(
                MESSAGE_TASK,
                SlackActions.queueKey(run.incidentId()),
                "rb-msg:" + run.id() + ":" + version,
                run.incidentId(),
                new RunMessageHandler.Task(run.id(), version));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void started(RunRow run) {
        RunView view = views.of(run);
        String text = "Runbook " + view.runbook() + " run #" + view.id() + view.dryRunNote()
                + " requested by " + view.requestedBy() + " via " + view.requestedVia()
                + (view.status() == RunStatus.QUEUED ? "; queued behind another run with the same key" : "")
                + (view.inputs().isEmpty() ? "" : " with " + view.inputs());
        timeline.record(
                NewTimelineEntry.of(run.incidentId(), clock.instant(), TimelineKinds.RUNBOOK_STEP, actor(run), text)
                        .withDedupKey("rb:" + run.id() + ":started"));
        changed(run);
        events.publishEvent(new RunbookEngine.RunDue(run.id()));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void stepFinished(RunRow run, StepRow row) {
        RunView view = views.of(run, java.util.List.of(row));
        RunView.StepView step = view.steps().get(0);
        timeline.record(NewTimelineEntry.of(
                        run.incidentId(),
                        clock.instant(),
                        TimelineKinds.RUNBOOK_STEP,
                        actor(run),
                        RunMessages.timelineText(view, step))
                .withDedupKey("rb:" + row.id() + ":" + row.status()));
        changed(run);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void awaitingApproval(RunRow run, StepRow row, RunbookCore.Approval approval) {
        String who = approval.approvers().isEmpty() ? "any responder" : String.join(", ", approval.approvers());
        if (approval.approverNotRequester()) {
            who += " (not the requester)";
        }
        timeline.record(NewTimelineEntry.of(
                        run.incidentId(),
                        clock.instant(),
                        TimelineKinds.RUNBOOK_STEP,
                        actor(run),
                        "Runbook " + run.runbookId() + " run #" + run.id() + ": step " + row.stepId()
                                + " waits for approval by " + who + " until " + approval.deadline())
                .withDedupKey("rb:" + row.id() + ":approval"));
        changed(run);
    }

    /** A step that changes things was running when its process died: say which, and why the run stopped. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void interrupted(RunRow run, StepRow row) {
        timeline.record(NewTimelineEntry.of(
                        run.incidentId(),
                        clock.instant(),
                        TimelineKinds.RUNBOOK_STEP,
                        actor(run),
                        "Runbook " + run.runbookId() + " run #" + run.id() + " interrupted: step " + row.stepId() + " ("
                                + row.stepType()
                                + ") was running when the process running it stopped. It changes things and is "
                                + "not safe to repeat, so it was not retried: check its effect, then run the runbook again if needed.")
                .withDedupKey("rb:" + row.id() + ":interrupted-why")
                .asKeyEvent());
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void runFinished(RunRow run, RunStatus status, String reason) {
        timeline.record(NewTimelineEntry.of(
                        run.incidentId(),
                        clock.instant(),
                        TimelineKinds.RUNBOOK_STEP,
                        actor(run),
                        "Runbook " + run.runbookId() + " run #" + run.id()
                                + RunView.dryRunNote(run.dryRun(), run.dryRunReason()) + " "
                                + status.name().toLowerCase().replace('_', ' ') + (reason == null ? "" : ": " + reason))
                .withDedupKey("rb:" + run.id() + ":finished"));
        metrics.runbookRun(run.incidentId(), run.runbookId(), status.name().toLowerCase());
        changed(run);
    }

    /** The engine looks at the run now (after commit). */
    public void wakeUp(RunRow run) {
        journal.wake(run.id(), clock.instant());
        events.publishEvent(new RunbookEngine.RunDue(run.id()));
    }

    /** Someone who may not decide an approval pressed its button: on the timeline, for the record. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void approvalRefused(RunRow run, String stepId, Actor who, String why) {
        timeline.record(NewTimelineEntry.of(
                run.incidentId(),
                clock.instant(),
                TimelineKinds.RUNBOOK_STEP,
                who,
                "Runbook " + run.runbookId() + " run #" + run.id() + ": " + who.name()
                        + " tried to decide the approval of step " + stepId + " and was refused (" + why + ")"));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void approvalDecided(RunRow run, StepRow row) {
        stepFinished(run, row);
        journal.wake(run.id(), clock.instant());
        events.publishEvent(new RunbookEngine.RunDue(run.id()));
    }
}
