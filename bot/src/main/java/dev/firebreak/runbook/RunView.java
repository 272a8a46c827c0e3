package dev.firebreak.runbook;

import dev.firebreak.runbooks.steps.StepStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A run as the API and Slack show it. Every string in here has been masked. {@code dryRunReason}: why the run is a
 * dry run when nobody asked for one ({@code "drill incident"}), else null.
 */
public record RunView(
        long id,
        UUID incidentId,
        String runbook,
        String title,
        RunStatus status,
        boolean dryRun,
        String dryRunReason,
        String requestedBy,
        String requestedVia,
        Map<String, Object> inputs,
        String reason,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        List<StepView> steps) {

    /** One step attempt. {@code planned} is what a changing step would have sent in a dry run. */
    public record StepView(
            String id,
            String type,
            boolean finallyStep,
            int attempt,
            StepStatus status,
            Instant startedAt,
            Instant finishedAt,
            Long durationMillis,
            String summary,
            Map<String, Object> outputs,
            Object planned,
            String error,
            String decidedBy) {}

    /** {@code " (dry run)"}, {@code " (dry run: drill incident)"}, or nothing: how messages mark a dry run. */
    public String dryRunNote() {
        return dryRunNote(dryRun, dryRunReason);
    }

    /** {@code " (dry run: drill incident)"} when the run is dry though nobody asked, else nothing. */
    public String dryRunReasonNote() {
        return dryRun && dryRunReason != null ? " (dry run: " + dryRunReason + ")" : "";
    }

    static String dryRunNote(boolean dryRun, String reason) {
        return !dryRun ? "" : reason == null ? " (dry run)" : " (dry run: " + reason + ")";
    }
}
