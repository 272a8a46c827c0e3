package dev.firebreak.slack.command;

import dev.firebreak.incident.IncidentStatus;
import dev.firebreak.incident.Incidents;
import dev.firebreak.slack.IncidentSubcommand;
import dev.firebreak.slack.SlackCommandContext;
import dev.firebreak.slack.SlackReply;
import org.springframework.stereotype.Component;

/** {@code /incident list}: the open incidents, newest first. */
@Component
class ListSubcommand implements IncidentSubcommand {

    private final Incidents incidents;

    ListSubcommand(Incidents incidents) {
        this.incidents = incidents;
    }

    @Override
    public String name() {
        return "list";
    }

    @Override
    public String usage() {
        return "list";
    }

    @Override
    public String help() {
        return "List open incidents";
    }

    @Override
    public boolean needsIncident() {
        return false;
    }

    @Override
    public SlackReply run(SlackCommandContext context) {
        return SlackReply.ephemeral(CommandViews.list(incidents.findByStatusNotOrderByNumberDesc(IncidentStatus.RESOLVED)
                .stream().map(IncidentSummary::of).toList()));
    }
}
