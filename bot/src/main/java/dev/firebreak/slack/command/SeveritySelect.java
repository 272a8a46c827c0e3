package dev.firebreak.slack.command;

import dev.firebreak.slack.BlockActionHandler;
import dev.firebreak.slack.SlackActions;
import dev.firebreak.slack.SlackCommandContext;
import dev.firebreak.slack.SlackReply;
import org.springframework.stereotype.Component;

/** The status card's severity select (option values SEV1..SEV4): does what {@code /incident sev} does. */
@Component
class SeveritySelect implements BlockActionHandler {

    private final SeveritySubcommand command;

    SeveritySelect(SeveritySubcommand command) {
        this.command = command;
    }

    @Override
    public String actionId() {
        return SlackActions.CHANGE_SEVERITY;
    }

    @Override
    public SlackReply run(SlackCommandContext context) throws Exception {
        return command.run(context);
    }
}
