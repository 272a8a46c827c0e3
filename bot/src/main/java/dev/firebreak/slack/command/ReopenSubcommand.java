package dev.firebreak.slack.command;

import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentManagement;
import dev.firebreak.slack.IncidentSubcommand;
import dev.firebreak.slack.SlackCommandContext;
import dev.firebreak.slack.SlackReply;
import org.springframework.stereotype.Component;

/** {@code /incident reopen [INC-n] [reason]}: Re-open a resolved incident. */
@Component
class ReopenSubcommand implements IncidentSubcommand {

    private final IncidentManagement incidents;

    ReopenSubcommand(IncidentManagement incidents) {
        this.incidents = incidents;
    }

    @Override
    public String name() {
        return "reopen";
    }

    @Override
    public String usage() {
        return "reopen [INC-n] [reason]";
    }

    @Override
    public String help() {
        return "Re-open a resolved incident";
    }

    @Override
    public SlackReply run(SlackCommandContext context) {
        Incident i = incidents.reopen(context.incident().getId(), context.actor(), blankToNull(context.args()));
        return SlackReply.ephemeral(":rotating_light: *" + i.reference() + "* re-opened.");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
