package dev.firebreak.runbook;

import dev.firebreak.slack.SlackCommandContext;
import dev.firebreak.slack.SlackReply;
import org.springframework.stereotype.Component;

/** {@code /incident runbook dryrun <id> [key=value ...]}: reads for real, records what changes would be sent. */
@Component
class RunbookDryRunVerb implements RunbookCommand.Verb {

    private final RunbookRuns runs;

    RunbookDryRunVerb(RunbookRuns runs) {
        this.runs = runs;
    }

    @Override
    public String verb() {
        return "dryrun";
    }

    @Override
    public String usage() {
        return "dryrun <id> [key=value ...]";
    }

    @Override
    public SlackReply run(SlackCommandContext context, String args) {
        return RunbookRunVerb.start(runs, context, args, true, usage());
    }
}
