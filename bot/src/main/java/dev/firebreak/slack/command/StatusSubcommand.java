package dev.firebreak.slack.command;

import dev.firebreak.incident.IncidentQueries;
import dev.firebreak.slack.IncidentSubcommand;
import dev.firebreak.slack.SlackCommandContext;
import dev.firebreak.slack.SlackReply;
import org.springframework.stereotype.Component;

/** {@code /incident status}: an ephemeral summary of the incident. */
@Component
class StatusSubcommand implements IncidentSubcommand {

    private final IncidentQueries incidents;

    StatusSubcommand(IncidentQueries incidents) {
        this.incidents = incidents;
    }

    @Override
    public String name() {
        return "status";
    }

    @Override
    public String usage() {
        return "status [INC-n]";
    }

    @Override
    public String help() {
        return "Show status, severity, roles and milestones (only to you)";
    }

    @Override
    public SlackReply run(SlackCommandContext context) {
        return SlackReply.ephemeral(CommandViews.status(incidents.view(context.incident())));
    }
}
