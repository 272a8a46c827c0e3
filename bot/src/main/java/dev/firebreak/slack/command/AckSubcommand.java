package dev.firebreak.slack.command;

import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentManagement;
import dev.firebreak.slack.IncidentSubcommand;
import dev.firebreak.slack.SlackCommandContext;
import dev.firebreak.slack.SlackReply;
import org.springframework.stereotype.Component;

/** {@code /incident ack [INC-n]}: Acknowledge the incident (someone is on it). */
@Component
class AckSubcommand implements IncidentSubcommand {

    private final IncidentManagement incidents;

    AckSubcommand(IncidentManagement incidents) {
        this.incidents = incidents;
    }

    @Override
    public String name() {
        return "ack";
    }

    @Override
    public String usage() {
        return "ack [INC-n]";
    }

    @Override
    public String help() {
        return "Acknowledge the incident (someone is on it)";
    }

    @Override
    public SlackReply run(SlackCommandContext context) {
        Incident i = incidents.acknowledge(context.incident().getId(), context.actor());
        return SlackReply.ephemeral(":white_check_mark: *" + i.reference() + "* acknowledged.");
    }
}
