package dev.firebreak.runbook;

import dev.firebreak.slack.SlackCommandContext;
import dev.firebreak.slack.SlackReply;
import org.springframework.stereotype.Component;

/** {@code /incident runbook cancel <run>}: stops a run (the step in progress is stopped, {@code finally} steps run). */
@Component
class RunbookCancelVerb implements RunbookCommand.Verb {

    private final RunbookRuns runs;

    RunbookCancelVerb(RunbookRuns runs) {
        this.runs = runs;
    }

    @Override
    public String verb() {
        return "cancel";
    }

    @Override
    public String usage() {
        return "cancel <run>";
    }

    @Override
    public SlackReply run(SlackCommandContext context, String args) {
        String ref = args.strip().replaceFirst("^#", "");
        if (!ref.matches("\\d{1,18}")) {
            return SlackReply.ephemeral(
                    "Usage: `/incident runbook cancel <run number>` (see `/incident runbook status`)");
        }
        long id = Long.parseLong(ref);
        RunView run = runs.find(id)
                .filter(r -> context.incident() == null
                        || r.incidentId().equals(context.incident().getId()))
                .orElseThrow(() -> RunRefusedException.notFound("No run #" + id + " in this incident."));
        RunView cancelled = runs.cancel(run.id(), context.actor());
        return SlackReply.inChannel(
                RunMessages.esc(context.actor().name()) + " cancelled " + RunMessages.headline(cancelled));
    }
}
