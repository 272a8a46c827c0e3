package dev.firebreak.runbook;

import dev.firebreak.slack.SlackCommandContext;
import dev.firebreak.slack.SlackReply;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@code /incident runbook list}: the catalog, runbooks matching this incident first. */
@Component
class RunbookListVerb implements RunbookCommand.Verb {

    private final RunbookRuns runs;

    RunbookListVerb(RunbookRuns runs) {
        this.runs = runs;
    }

    @Override
    public String verb() {
        return "list";
    }

    @Override
    public String usage() {
        return "list";
    }

    @Override
    public SlackReply run(SlackCommandContext context, String args) {
        List<RunbookView> all = runs.catalog(context.incident());
        if (all.isEmpty()) {
            return SlackReply.ephemeral("No runbooks are loaded (see `firebreak.runbooks.path`).");
        }
        StringBuilder sb = new StringBuilder("*Runbooks*");
        for (RunbookView r : all) {
            sb.append('\n')
                    .append(r.matches() ? ":dart: " : "• ")
                    .append('`')
                    .append(RunMessages.esc(r.id()))
                    .append("` — ")
                    .append(RunMessages.esc(r.title()));
            if (r.matches()) {
                sb.append(" _(matches this incident)_");
            }
        }
        sb.append("\nRun one with `/incident runbook run <id> [key=value ...]`, or try it with `dryrun`.");
        return SlackReply.ephemeral(RunMessages.cap(sb.toString(), 2900));
    }
}
