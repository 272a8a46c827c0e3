package dev.firebreak.slack.command;

import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentManagement;
import dev.firebreak.slack.IncidentSubcommand;
import dev.firebreak.slack.SlackCommandContext;
import dev.firebreak.slack.SlackReply;
import org.springframework.stereotype.Component;

/** {@code /incident mitigate [INC-n]}: Mark the impact as mitigated. */
@Component
class MitigateSubcommand implements IncidentSubcommand {

    private final IncidentManagement incidents;

    MitigateSubcommand(IncidentManagement incidents) {
        this.incidents = incidents;
    }

    @Override
    public String name() {
        return "mitigate";
    }

    @Override
    public String usage() {
        return "mitigate [INC-n]";
    }

    @Override
    public String help() {
        return "Mark the impact as mitigated";
    }

    @Override
    public SlackReply run(SlackCommandContext context) {
        Incident i = incidents.mitigate(context.incident().getId(), context.actor());
        return SlackReply.ephemeral(":large_green_circle: *" + i.reference() + "* mitigated.");
    }
}
