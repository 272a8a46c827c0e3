package dev.firebreak.runbook;

import dev.firebreak.slack.SlackCommandContext;
import dev.firebreak.slack.SlackReply;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@code /incident runbook status}: this incident's runs and where each one is. */
@Component
class RunbookStatusVerb implements RunbookCommand.Verb {

    private final RunbookRuns runs;

    RunbookStatusVerb(RunbookRuns runs) {
        this.runs = runs;
    }

    @Override
    public String verb() {
        return "status";
    }

    @Override
    public String usage() {
        return "status";
    }

    @Override
    public SlackReply run(SlackCommandContext context, String args) {
        if (context.incident() == null) {
            return SlackReply.ephemeral(
                    "Run this in an incident channel, or name the incident: `/incident runbook INC-12 status`.");
        }
        List<RunView> all = runs.ofIncident(context.incident().getId());
        if (all.isEmpty()) {
            return SlackReply.ephemeral(
                    "No runbook has run for " + context.incident().reference() + " yet.");
        }
        StringBuilder sb =
                new StringBuilder("*Runbook runs of " + context.incident().reference() + "*");
        for (RunView run : all) {
            sb.append('\n').append(RunMessages.headline(run));
            run.steps().stream()
                    .reduce((a, b) -> b)
                    .ifPresent(s -> sb.append(" — last: `")
                            .append(RunMessages.esc(s.id()))
                            .append("` ")
                            .append(s.status().name().toLowerCase()));
        }
        return SlackReply.ephemeral(RunMessages.cap(sb.toString(), 2900));
    }
}
