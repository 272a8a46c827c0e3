package dev.firebreak.runbook;

import dev.firebreak.incident.Actor;
import dev.firebreak.runbooks.steps.StepStatus;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides a waiting approval for a Slack user: only a permitted approver (and, when the runbook says so, not the person
 * who started the run) can; anyone else is refused, and the refusal goes on the timeline. The first decision wins.
 */
@Service
class RunApprovals {

    /** What the person who pressed the button is told. */
    record Answer(boolean decided, String text) {}

    private final RunJournal journal;
    private final RunRecorder recorder;
    private final SlackPeople people;
    private final TransactionTemplate tx;
    private final Clock clock;

    RunApprovals(RunJournal journal, RunRecorder recorder, SlackPeople people, TransactionTemplate tx, Clock clock) {
        this.journal = journal;
        this.recorder = recorder;
        this.people = people;
        this.tx = tx;
        this.clock = clock;
    }

    Answer decide(long runId, String stepId, int attempt, boolean approve, Actor who) {
        RunRow run = journal.find(runId).orElse(null);
        StepRow row =
                run == null ? null : journal.findStep(runId, stepId, attempt).orElse(null);
        if (row == null
                || row.status() != StepStatus.AWAITING_APPROVAL
                || run.status().isFinal()) {
            return new Answer(
                    false,
                    "This approval is no longer open"
                            + (row != null && row.decidedBy() != null ? " (" + row.summary() + ")." : "."));
        }
        RunbookCore.Approval approval = RunJson.read(row.approval(), RunbookCore.Approval.class);
        String refusal = refusal(approval, run, who.id());
        if (refusal != null) {
            tx.executeWithoutResult(s -> recorder.approvalRefused(run, stepId, who, refusal));
            return new Answer(false, "You cannot decide this approval: " + refusal + ".");
        }
        String by = who.name() + " (<@" + who.id() + ">)";
        boolean decided = Boolean.TRUE.equals(tx.execute(s -> {
            if (!journal.decide(row.id(), approve, by, clock.instant())) {
                return false;
            }
            recorder.approvalDecided(run, journal.step(row.id()).orElseThrow());
            return true;
        }));
        return decided
                ? new Answer(true, (approve ? "Approved" : "Denied") + " step `" + stepId + "` of run #" + runId + ".")
                : new Answer(false, "Someone else decided this approval first.");
    }

    String refusal(RunbookCore.Approval approval, RunRow run, String userId) {
        if (approval == null) {
            return "the approval request is missing";
        }
        if (approval.approverNotRequester() && userId != null && userId.equals(approval.requester())) {
            return "the person who started the run cannot approve its changes";
        }
        List<String> approvers = approval.approvers();
        if (approvers.isEmpty() || people.isAnyOf(userId, approvers)) {
            return null;
        }
        return "only " + String.join(", ", approvers) + " may approve this step";
    }
}
