package dev.firebreak.runbook;

import dev.firebreak.slack.SlackCommandContext;
import dev.firebreak.slack.SlackReply;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@code /incident runbook run <id> [key=value ...]}: starts a run; its progress shows in the run's message. */
@Component
class RunbookRunVerb implements RunbookCommand.Verb {

    private final RunbookRuns runs;

    RunbookRunVerb(RunbookRuns runs) {
        this.runs = runs;
    }

    @Override
    public String verb() {
        return "run";
    }

    @Override
    public String usage() {
        return "run <id> [key=value ...]";
    }

    @Override
    public SlackReply run(SlackCommandContext context, String args) {
        return start(runs, context, args, false, usage());
    }

    static SlackReply start(RunbookRuns runs, SlackCommandContext context, String args, boolean dryRun, String usage) {
        if (context.incident() == null) {
            return SlackReply.ephemeral(
                    "Run this in an incident channel, or name the incident: `/incident runbook INC-12 " + usage + "`.");
        }
        List<String> words = Words.split(args);
        if (words.isEmpty()) {
            return SlackReply.ephemeral("Usage: `/incident runbook " + usage + "` (see `/incident runbook list`)");
        }
        Map<String, String> inputs = new LinkedHashMap<>();
        for (String word : words.subList(1, words.size())) {
            int eq = word.indexOf('=');
            if (eq <= 0) {
                return SlackReply.ephemeral(
                        "Inputs are `key=value` pairs; `" + RunMessages.esc(word) + "` is not one.");
            }
            inputs.put(word.substring(0, eq), word.substring(eq + 1));
        }
        RunView run = runs.start(
                context.incident(), new StartRequest(words.get(0), inputs, dryRun, context.actor(), "slack"));
        return SlackReply.ephemeral(
                (run.dryRun() ? ":test_tube: Dry run " : ":arrow_forward: Run ") + "#" + run.id() + " of `"
                        + RunMessages.esc(run.runbook()) + "` "
                        + (run.status() == RunStatus.QUEUED ? "is queued behind another run" : "started")
                        + run.dryRunReasonNote()
                        + "; follow it in the channel or with `/incident runbook status`.");
    }
}
