package dev.firebreak.runbooks.steps.control;

import dev.firebreak.runbooks.steps.ApprovalRequest;
import dev.firebreak.runbooks.steps.StepEnvironment;
import dev.firebreak.runbooks.steps.StepRequest;
import dev.firebreak.runbooks.steps.StepResult;
import dev.firebreak.runbooks.steps.StepType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * {@code approval}: asks for approval in the incident channel and waits, without a thread, until a permitted person
 * answers or the step's {@code timeout} passes (then it is denied). {@code approvers} and
 * {@code approver-not-requester} default to the runbook's {@code policy.approve-by} and
 * {@code policy.approver-not-requester}.
 */
public final class ApprovalStep implements StepType {

    @Override
    public String name() {
        return "approval";
    }

    @Override
    public Set<String> requiredKeys() {
        return Set.of("message");
    }

    @Override
    public Set<String> optionalKeys() {
        return Set.of("approvers", "approver-not-requester");
    }

    @Override
    public boolean changing() {
        return false;
    }

    @Override
    public boolean idempotent() {
        return true;
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
        return StepResult.awaitingApproval(new ApprovalRequest(r.string("message"), approvers,
                r.bool("approver-not-requester", true), r.requester(), r.deadline()));
    }
}
