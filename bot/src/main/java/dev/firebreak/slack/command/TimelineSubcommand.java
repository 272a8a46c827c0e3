package dev.firebreak.slack.command;

import dev.firebreak.slack.IncidentSubcommand;
import dev.firebreak.slack.SlackCommandContext;
import dev.firebreak.slack.SlackReply;
import dev.firebreak.timeline.Timeline;
import org.springframework.stereotype.Component;

/** {@code /incident timeline}: the latest timeline entries (only to the user). */
@Component
class TimelineSubcommand implements IncidentSubcommand {

    static final int LATEST = 15;

    private final Timeline timeline;

    TimelineSubcommand(Timeline timeline) {
        this.timeline = timeline;
    }

    @Override
    public String name() {
        return "timeline";
    }

    @Override
    public String usage() {
        return "timeline [INC-n]";
    }

    @Override
    public String help() {
        return "Show the latest timeline entries";
    }

    @Override
    public SlackReply run(SlackCommandContext context) {
        return SlackReply.ephemeral(CommandViews.timeline(
                context.incident().reference(),
                timeline.latest(context.incident().getId(), LATEST)));
    }
}
