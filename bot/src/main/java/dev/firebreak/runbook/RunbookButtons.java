package dev.firebreak.runbook;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import dev.firebreak.incident.Actor;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentManagement;
import dev.firebreak.slack.PayloadActionHandler;
import dev.firebreak.slack.SlackActions;
import dev.firebreak.slack.SlackReply;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The runbook buttons: "Run" on the status card ({@code incident.runbook:<id>}, value {@code <incident>|<runbook>})
 * and Approve/Deny on a run's message (value {@code <run>:<attempt>:<step>:<incident>}). Acknowledged at once, answered
 * to the person who pressed the button only.
 */
@Component
class RunbookButtons implements PayloadActionHandler {

    private static final Pattern ACTIONS = Pattern.compile("^(" + Pattern.quote(SlackActions.RUN_RUNBOOK) + "(:.*)?|"
            + Pattern.quote(RunMessages.APPROVE) + "|" + Pattern.quote(RunMessages.DENY) + ")$");

    private final RunbookRuns runs;
    private final RunApprovals approvals;
    private final IncidentManagement incidents;

    RunbookButtons(RunbookRuns runs, RunApprovals approvals, IncidentManagement incidents) {
        this.runs = runs;
        this.approvals = approvals;
        this.incidents = incidents;
    }

    @Override
    public Pattern actionIds() {
        return ACTIONS;
    }

    @Override
    public SlackReply run(BlockActionPayload p) {
        String actionId = p.getActions() == null || p.getActions().isEmpty()
                ? ""
                : p.getActions().get(0).getActionId();
        if (RunMessages.APPROVE.equals(actionId) || RunMessages.DENY.equals(actionId)) {
            return decide(p, actionId);
        }
        return start(p);
    }

    SlackReply start(BlockActionPayload p) {
        BlockActionPayload.Action action = action(p, SlackActions.RUN_RUNBOOK);
        String value = action == null || action.getValue() == null ? "" : action.getValue();
        int bar = value.indexOf('|');
        if (bar <= 0) {
            return SlackReply.ephemeral(":warning: This button does not name a runbook.");
        }
        Incident incident = incidents.find(value.substring(0, bar)).orElse(null);
        if (incident == null) {
            return SlackReply.ephemeral(":warning: This button does not belong to a known incident.");
        }
        try {
            RunView run = runs.start(
                    incident, new StartRequest(value.substring(bar + 1), Map.of(), false, actor(p), "slack"));
            return SlackReply.ephemeral((run.dryRun() ? ":test_tube: Dry run #" : ":arrow_forward: Run #") + run.id()
                    + " of `" + RunMessages.esc(run.runbook()) + "` "
                    + (run.status() == RunStatus.QUEUED ? "is queued behind another run" : "started")
                    + run.dryRunReasonNote() + ".");
        } catch (RunRefusedException e) {
            return SlackReply.ephemeral(":no_entry: " + RunMessages.esc(e.getMessage()));
        }
    }

    SlackReply decide(BlockActionPayload p, String actionId) {
        BlockActionPayload.Action action = action(p, actionId);
        String[] parts = action == null || action.getValue() == null
                ? new String[0]
                : action.getValue().split(":");
        if (parts.length < 4 || !parts[0].matches("\\d{1,18}") || !parts[1].matches("\\d{1,9}")) {
            return SlackReply.ephemeral(":warning: This button does not belong to a known run.");
        }
        String stepId = String.join(":", List.of(parts).subList(2, parts.length - 1));
        RunApprovals.Answer answer = approvals.decide(
                Long.parseLong(parts[0]),
                stepId,
                Integer.parseInt(parts[1]),
                RunMessages.APPROVE.equals(actionId),
                actor(p));
        return SlackReply.ephemeral(
                (answer.decided() ? ":white_check_mark: " : ":no_entry: ") + RunMessages.esc(answer.text()));
    }

    private static BlockActionPayload.Action action(BlockActionPayload p, String prefix) {
        return p.getActions() == null
                ? null
                : p.getActions().stream()
                        .filter(a -> a.getActionId() != null && a.getActionId().startsWith(prefix))
                        .findFirst()
                        .orElse(null);
    }

    private static Actor actor(BlockActionPayload p) {
        String name = p.getUser().getUsername() != null
                ? p.getUser().getUsername()
                : p.getUser().getName();
        return Actor.slack(p.getUser().getId(), name);
    }
}
