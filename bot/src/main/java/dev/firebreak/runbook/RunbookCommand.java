package dev.firebreak.runbook;

import dev.firebreak.slack.IncidentSubcommand;
import dev.firebreak.slack.SlackCommandContext;
import dev.firebreak.slack.SlackReply;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * {@code /incident runbook list|run|dryrun|status|cancel ...}: hands the rest of the text to one class per verb.
 * A refusal (unknown runbook, refused input, not allowed, concurrency) is answered to the user only.
 */
@Component
class RunbookCommand implements IncidentSubcommand {

    /** One {@code /incident runbook <verb>}. */
    interface Verb {
        String verb();

        String usage();

        SlackReply run(SlackCommandContext context, String args);
    }

    private final Map<String, Verb> verbs;

    RunbookCommand(List<Verb> verbs) {
        this.verbs = verbs.stream().collect(Collectors.toMap(Verb::verb, Function.identity()));
    }

    @Override
    public String name() {
        return "runbook";
    }

    @Override
    public String usage() {
        return "runbook list | run <id> [key=value ...] | dryrun <id> [key=value ...] | status | cancel <run>";
    }

    @Override
    public String help() {
        return "List, run, dry-run, follow and cancel runbooks for this incident";
    }

    @Override
    public SlackReply run(SlackCommandContext context) {
        String args = context.args() == null ? "" : context.args().strip();
        int space = args.indexOf(' ');
        String verb = (space < 0 ? args : args.substring(0, space)).toLowerCase();
        String rest = space < 0 ? "" : args.substring(space + 1).strip();
        Verb handler = verbs.get(verb.isEmpty() ? "list" : verb);
        if (handler == null) {
            return SlackReply.ephemeral("Usage: "
                    + verbs.values().stream()
                            .map(v -> "`/incident runbook " + v.usage() + "`")
                            .sorted()
                            .collect(Collectors.joining(", ")));
        }
        try {
            return handler.run(context, rest);
        } catch (RunRefusedException e) {
            return SlackReply.ephemeral(":no_entry: " + RunMessages.esc(e.getMessage()));
        }
    }
}
