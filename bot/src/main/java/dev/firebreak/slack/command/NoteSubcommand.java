package dev.firebreak.slack.command;

import dev.firebreak.slack.IncidentSubcommand;
import dev.firebreak.slack.SlackCommandContext;
import dev.firebreak.slack.SlackReply;
import dev.firebreak.slack.bolt.SlackUsageException;
import dev.firebreak.timeline.NewTimelineEntry;
import dev.firebreak.timeline.Timeline;
import dev.firebreak.timeline.TimelineKinds;
import org.springframework.stereotype.Component;

/** {@code /incident note <text>}: a note on the timeline, by the Slack user. */
@Component
class NoteSubcommand implements IncidentSubcommand {

    static final int MAX_NOTE = 4000;

    private final Timeline timeline;

    NoteSubcommand(Timeline timeline) {
        this.timeline = timeline;
    }

    @Override
    public String name() {
        return "note";
    }

    @Override
    public String usage() {
        return "note [INC-n] <text>";
    }

    @Override
    public String help() {
        return "Add a note to the timeline";
    }

    @Override
    public SlackReply run(SlackCommandContext context) {
        String text = context.args() == null ? "" : context.args().strip();
        if (text.isEmpty()) {
            throw new SlackUsageException("What should the note say? `/incident " + usage() + "`");
        }
        if (text.length() > MAX_NOTE) {
            throw new SlackUsageException("A note is at most " + MAX_NOTE + " characters.");
        }
        timeline.record(
                NewTimelineEntry.of(context.incident().getId(), null, TimelineKinds.NOTE, context.actor(), text));
        return SlackReply.ephemeral(":memo: Noted on the *" + context.incident().reference() + "* timeline.");
    }
}
