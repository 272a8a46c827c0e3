package dev.firebreak.runbooks.steps.control;

import dev.firebreak.runbooks.steps.ApprovalRequest;
import dev.firebreak.runbooks.steps.DeclaredStepType;
import dev.firebreak.runbooks.steps.StepEnvironment;
import dev.firebreak.runbooks.steps.StepRequest;
import dev.firebreak.runbooks.steps.StepResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * {@code approval}: asks for approval in the incident channel and waits, without a thread, until a permitted person
 * answers or the step's {@code timeout} passes (then it is denied). {@code approvers} and
 * {@code approver-not-requester} default to the runbook's {@code policy.approve-by} and
 * {@code policy.approver-not-requester}.
 */
public final class ApprovalStep extends DeclaredStepType {

    public ApprovalStep() {
        super(
                "approval",
                keys("message"),
                keys("approvers", "approver-not-requester"),
                NOT_CHANGING,
                IDEMPOTENT,
                keys());
    }

    @Override
    public StepResult execute(StepRequest r, StepEnvironment env) {
        List<String> approvers = new ArrayList<>();
        Object a = r.with().get("approvers");
        if (a instanceof Collection<?> c) {
            c.forEach(x -> approvers.add(String.valueOf(x)));
        } else if (a != null && !String.valueOf(a).isBlank()) {
            for (String s : String.valueOf(a).split("[,\\s]+")) {
                if (!s.isBlank()) {
                    approvers.add(s);
                }
            }
        }
        return StepResult.awaitingApproval(new ApprovalRequest(
                r.string("message"), approvers, r.bool("approver-not-requester", true), r.requester(), r.deadline()));
    }
}
