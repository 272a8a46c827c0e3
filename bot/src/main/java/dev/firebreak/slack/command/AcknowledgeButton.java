package dev.firebreak.slack.command;

import dev.firebreak.slack.BlockActionHandler;
import dev.firebreak.slack.SlackActions;
import dev.firebreak.slack.SlackCommandContext;
import dev.firebreak.slack.SlackReply;
import org.springframework.stereotype.Component;

/** The status card's Acknowledge button: does what {@code /incident ack} does. */
@Component
class AcknowledgeButton implements BlockActionHandler {

    private final AckSubcommand command;

    AcknowledgeButton(AckSubcommand command) {
        this.command = command;
    }

    @Override
    public String actionId() {
        return SlackActions.ACKNOWLEDGE;
    }

    @Override
    public SlackReply run(SlackCommandContext context) throws Exception {
        return command.run(context);
    }
}
