package dev.firebreak.slack.command;

import dev.firebreak.slack.BlockActionHandler;
import dev.firebreak.slack.SlackActions;
import dev.firebreak.slack.SlackCommandContext;
import dev.firebreak.slack.SlackReply;
import org.springframework.stereotype.Component;

/**
 * The status card's severity select: does what {@code /incident sev} does. Option values are {@code SEVn} or
 * {@code <incident uuid>:SEVn} (as the status card renders them); only the severity part is used here.
 */
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
        String args = context.args() == null ? "" : context.args();
        String severity = args.substring(args.lastIndexOf(':') + 1);
        return command.run(new SlackCommandContext(
                context.userId(),
                context.userName(),
                context.channelId(),
                context.teamId(),
                severity,
                context.incident(),
                context.responseUrl(),
                context.triggerId()));
    }
}
