package dev.firebreak.slack.command;

import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentManagement;
import dev.firebreak.slack.IncidentSubcommand;
import dev.firebreak.slack.SlackCommandContext;
import dev.firebreak.slack.SlackReply;
import org.springframework.stereotype.Component;

/** {@code /incident resolve [INC-n] [summary]}: Resolve the incident, with an optional closing summary. */
@Component
class ResolveSubcommand implements IncidentSubcommand {

    private final IncidentManagement incidents;

    ResolveSubcommand(IncidentManagement incidents) {
        this.incidents = incidents;
    }

    @Override
    public String name() {
        return "resolve";
    }

    @Override
    public String usage() {
        return "resolve [INC-n] [summary]";
    }

    @Override
    public String help() {
        return "Resolve the incident, with an optional closing summary";
    }

    @Override
    public SlackReply run(SlackCommandContext context) {
        Incident i = incidents.resolve(context.incident().getId(), context.actor(), blankToNull(context.args()));
        return SlackReply.ephemeral(":tada: *" + i.reference() + "* resolved.");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
