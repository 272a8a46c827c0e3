package dev.firebreak.runbooks.steps;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * An approval a step waits for: the question, who may answer (Slack user ids {@code U...} or user-group handles
 * {@code @sre}; empty means anyone but, when {@code approverNotRequester}, the requester), and the deadline after which
 * the engine records {@link StepStatus#DENIED}.
 */
public record ApprovalRequest(
        String prompt, List<String> approvers, boolean approverNotRequester, String requester, Instant deadline) {

    public ApprovalRequest {
        approvers = List.copyOf(approvers == null ? List.of() : approvers);
    }

    /**
     * Null when {@code userId} (member of the user groups with these handles, without {@code @}) may answer,
     * else the reason they may not.
     */
    public String refusal(String userId, Set<String> userGroupHandles) {
        if (approverNotRequester && userId != null && userId.equals(requester)) {
            return "the person who started the run cannot approve its changes";
        }
        if (approvers.isEmpty()) {
            return null;
        }
        for (String a : approvers) {
            if (a.equals(userId)) {
                return null;
            }
            if (a.startsWith("@") && userGroupHandles != null && userGroupHandles.contains(a.substring(1))) {
                return null;
            }
        }
        return "only " + String.join(", ", approvers) + " may approve this step";
    }
}
