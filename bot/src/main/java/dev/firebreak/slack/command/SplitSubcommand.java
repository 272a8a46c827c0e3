package dev.firebreak.slack.command;

import dev.firebreak.incident.AlertGroupConflictException;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentManagement;
import dev.firebreak.slack.IncidentSubcommand;
import dev.firebreak.slack.SlackCommandContext;
import dev.firebreak.slack.SlackMrkdwn;
import dev.firebreak.slack.SlackReply;
import dev.firebreak.slack.bolt.SlackUsageException;
import org.springframework.stereotype.Component;

/**
 * {@code /incident split <#>}: splits an alert group out of a storm incident into an incident of its own (its own
 * channel and page); the group's number is on the storm incident's status card.
 */
@Component
class SplitSubcommand implements IncidentSubcommand {

    private final IncidentManagement incidents;

    SplitSubcommand(IncidentManagement incidents) {
        this.incidents = incidents;
    }

    @Override
    public String name() {
        return "split";
    }

    @Override
    public String usage() {
        return "split [INC-n] <group #>";
    }

    @Override
    public String help() {
        return "Split an alert group out of an alert storm into its own incident";
    }

    @Override
    public SlackReply run(SlackCommandContext context) {
        String group = context.args() == null ? "" : context.args().strip();
        if (group.isEmpty()) {
            throw new SlackUsageException("Name the alert group by its number on the status card: `/incident " + usage()
                    + "`, e.g. `/incident split 3`");
        }
        Incident storm = context.incident();
        Incident own;
        try {
            own = incidents.splitGroup(storm.getId(), group, context.actor());
        } catch (AlertGroupConflictException e) {
            throw new SlackUsageException(
                    e.getMessage()); // no such group, already split, resolved: a note, not an error
        }
        String shown = group.matches("#?\\d{1,9}")
                ? (group.startsWith("#") ? group : "#" + group)
                : "`" + SlackMrkdwn.escape(group).replace("`", "'") + "`";
        return SlackReply.inChannel(":arrow_right: Alert group " + shown
                + " split out of *" + storm.reference() + "* into *" + own.reference() + "* (its own channel and page"
                + " follow) by <@" + context.userId() + ">.");
    }
}
