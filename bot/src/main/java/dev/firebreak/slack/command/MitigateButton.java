package dev.firebreak.slack.command;

import dev.firebreak.slack.BlockActionHandler;
import dev.firebreak.slack.SlackActions;
import dev.firebreak.slack.SlackCommandContext;
import dev.firebreak.slack.SlackReply;
import org.springframework.stereotype.Component;

/** The status card's Mitigate button: does what {@code /incident mitigate} does. */
@Component
class MitigateButton implements BlockActionHandler {

    private final MitigateSubcommand command;

    MitigateButton(MitigateSubcommand command) {
        this.command = command;
    }

    @Override
    public String actionId() {
        return SlackActions.MITIGATE;
    }

    @Override
    public SlackReply run(SlackCommandContext context) throws Exception {
        return command.run(context);
    }
}
