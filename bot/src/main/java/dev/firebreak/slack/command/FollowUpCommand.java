package dev.firebreak.slack.command;

import dev.firebreak.incident.Incident;
import dev.firebreak.slack.IncidentSubcommand;
import dev.firebreak.slack.SlackCommandContext;
import dev.firebreak.slack.SlackMrkdwn;
import dev.firebreak.slack.SlackReply;
import dev.firebreak.system.json.Json;
import dev.firebreak.timeline.NewTimelineEntry;
import dev.firebreak.timeline.Timeline;
import dev.firebreak.timeline.TimelineKinds;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /incident followup <text> [@owner]}: records an action item on the timeline (kind
 * {@link TimelineKinds#FOLLOW_UP}); the first mentioned user ({@code <@U123|name>}) is its owner. The
 * post-mortem lists these under Action items.
 */
@org.springframework.stereotype.Component
class FollowUpCommand implements IncidentSubcommand {

    private static final JsonMapper JSON = Json.mapper();

    private final Timeline timeline;

    FollowUpCommand(Timeline timeline) {
        this.timeline = timeline;
    }

    @Override
    public String name() {
        return "followup";
    }

    @Override
    public String usage() {
        return "followup <text> [@owner]";
    }

    @Override
    public String help() {
        return "Record an action item for the post-mortem (the first @mention owns it)";
    }

    @Override
    public SlackReply run(SlackCommandContext context) {
        String args = context.args() == null ? "" : context.args().strip();
        if (args.isEmpty()) {
            return SlackReply.ephemeral("Usage: `/incident " + usage() + "`");
        }
        if (args.length() > NewTimelineEntry.MAX_TEXT) {
            return SlackReply.ephemeral(
                    "That follow-up is too long (at most " + NewTimelineEntry.MAX_TEXT + " characters).");
        }
        FollowUp followUp = parse(args);
        Incident incident = context.incident();
        timeline.record(
                NewTimelineEntry.of(incident.getId(), null, TimelineKinds.FOLLOW_UP, context.actor(), followUp.text())
                        .withData(followUp.json()));
        String owner = followUp.ownerId() == null ? "" : " (owner: " + SlackMrkdwn.mention(followUp.ownerId()) + ")";
        return SlackReply.inChannel(":memo: Follow-up recorded for " + incident.reference() + ": "
                + SlackMrkdwn.escape(followUp.text()) + owner);
    }

    /** The action item: text with mentions written as {@code @name}, and the first mentioned user as owner. */
    record FollowUp(String text, String ownerId, String ownerName) {

        String json() {
            Map<String, String> data = new LinkedHashMap<>();
            if (ownerId != null) {
                data.put("owner", ownerId);
                data.put("ownerName", ownerName);
            }
            return JSON.writeValueAsString(data);
        }
    }

    static FollowUp parse(String args) {
        Matcher m = SlackMrkdwn.USER_MENTION.matcher(args);
        String ownerId = null;
        String ownerName = null;
        StringBuilder text = new StringBuilder();
        while (m.find()) {
            String id = m.group(1);
            String name = m.group(2) == null || m.group(2).isBlank() ? id : m.group(2);
            if (ownerId == null) {
                ownerId = id;
                ownerName = name;
            }
            m.appendReplacement(text, Matcher.quoteReplacement("@" + name));
        }
        m.appendTail(text);
        return new FollowUp(text.toString().strip(), ownerId, ownerName);
    }
}
