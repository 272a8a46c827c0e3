package dev.firebreak.slack.command;

import dev.firebreak.incident.IncidentQueries;
import dev.firebreak.incident.IncidentStatus;
import dev.firebreak.slack.IncidentSubcommand;
import dev.firebreak.slack.SlackCommandContext;
import dev.firebreak.slack.SlackReply;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/** {@code /incident list}: the open incidents, newest first. */
@Component
class ListSubcommand implements IncidentSubcommand {

    /** More open incidents than this are not listed one by one anyway. */
    private static final int MAX_OPEN = 1000;

    private final IncidentQueries incidents;

    ListSubcommand(IncidentQueries incidents) {
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
        Set<IncidentStatus> open = EnumSet.complementOf(EnumSet.of(IncidentStatus.RESOLVED));
        return SlackReply.ephemeral(
                CommandViews.list(incidents.list(open, Set.of(), 0, MAX_OPEN).items()));
    }
}
