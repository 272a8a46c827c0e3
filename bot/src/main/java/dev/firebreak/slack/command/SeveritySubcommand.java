package dev.firebreak.slack.command;

import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentManagement;
import dev.firebreak.incident.Severity;
import dev.firebreak.slack.IncidentSubcommand;
import dev.firebreak.slack.SlackCommandContext;
import dev.firebreak.slack.SlackReply;
import dev.firebreak.slack.bolt.SlackUsageException;
import org.springframework.stereotype.Component;

/** {@code /incident sev <1-4>}: change the severity (also the card's severity select). */
@Component
class SeveritySubcommand implements IncidentSubcommand {

    private final IncidentManagement incidents;

    SeveritySubcommand(IncidentManagement incidents) {
        this.incidents = incidents;
    }

    @Override
    public String name() {
        return "sev";
    }

    @Override
    public String usage() {
        return "sev [INC-n] <1-4>";
    }

    @Override
    public String help() {
        return "Change the severity (1 is the worst)";
    }

    @Override
    public SlackReply run(SlackCommandContext context) {
        Severity to = Severity.parse(context.args())
                .orElseThrow(() -> new SlackUsageException("Give a severity from 1 to 4: `/incident " + usage() + "`"));
        Severity from = context.incident().getSeverity();
        Incident i = incidents.changeSeverity(context.incident().getId(), to, context.actor());
        if (from == to) {
            return SlackReply.ephemeral("*" + i.reference() + "* is already " + to + ".");
        }
        return SlackReply.ephemeral(
                ":arrows_counterclockwise: *" + i.reference() + "* severity " + from + " → " + to + ".");
    }
}
