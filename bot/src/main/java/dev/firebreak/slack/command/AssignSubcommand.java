package dev.firebreak.slack.command;

import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentManagement;
import dev.firebreak.incident.IncidentRole;
import dev.firebreak.slack.IncidentSubcommand;
import dev.firebreak.slack.SlackCommandContext;
import dev.firebreak.slack.SlackReply;
import dev.firebreak.slack.bolt.SlackUsageException;
import org.springframework.stereotype.Component;

/**
 * {@code /incident assign <commander|scribe|comms> @user}. The role holder is stored as the Slack user id
 * ({@code U123}): stable across renames, returned as is by the API, and rendered as the mention {@code <@U123>}
 * wherever Slack parses mrkdwn (card, command replies).
 */
@Component
class AssignSubcommand implements IncidentSubcommand {

    private final IncidentManagement incidents;

    AssignSubcommand(IncidentManagement incidents) {
        this.incidents = incidents;
    }

    @Override
    public String name() {
        return "assign";
    }

    @Override
    public String usage() {
        return "assign [INC-n] <commander|scribe|comms> @user";
    }

    @Override
    public String help() {
        return "Give someone an incident role";
    }

    @Override
    public SlackReply run(SlackCommandContext context) {
        String args = context.args() == null ? "" : context.args().strip();
        String[] parts = args.split("\\s+", 2);
        IncidentRole role = IncidentRole.parse(parts[0])
                .orElseThrow(() -> new SlackUsageException("Which role? `/incident " + usage() + "`"));
        CommandText.UserRef user = CommandText.user(parts.length > 1 ? parts[1] : "")
                .orElseThrow(() -> new SlackUsageException("Mention the person, e.g. `/incident assign "
                        + role.name().toLowerCase() + " @alice`"));
        Incident i = incidents.assignRole(context.incident().getId(), role, user.id(), context.actor());
        return SlackReply.ephemeral(":bust_in_silhouette: " + user.mention() + " is now "
                + role.label().toLowerCase() + " of *" + i.reference() + "*.");
    }
}
