package dev.firebreak.slack.command;

import dev.firebreak.slack.BlockActionHandler;
import dev.firebreak.slack.SlackActions;
import dev.firebreak.slack.SlackCommandContext;
import dev.firebreak.slack.SlackReply;
import org.springframework.stereotype.Component;

/** The status card's Resolve button: does what {@code /incident resolve} does. */
@Component
class ResolveButton implements BlockActionHandler {

    private final ResolveSubcommand command;

    ResolveButton(ResolveSubcommand command) {
        this.command = command;
    }

    @Override
    public String actionId() {
        return SlackActions.RESOLVE;
    }

    @Override
    public SlackReply run(SlackCommandContext context) throws Exception {
        return command.run(context);
    }
}
