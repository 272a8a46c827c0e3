package dev.firebreak.postmortem;

import dev.firebreak.incident.IncidentView;
import dev.firebreak.slack.SlackReply;

/** What Slack users are told after asking for a draft. */
final class PostmortemReplies {

    private PostmortemReplies() {}

    static SlackReply requested(IncidentView incident, boolean queued) {
        String where = incident.slackChannelId() == null
                ? "the incident channel once it exists"
                : "<#" + incident.slackChannelId() + ">";
        if (!queued) {
            return SlackReply.ephemeral("A post-mortem draft for " + incident.reference()
                    + " was requested less than a minute ago; it will appear in " + where + " shortly.");
        }
        return SlackReply.ephemeral(":hourglass_flowing_sand: Drafting the post-mortem for " + incident.reference()
                + "; it will be posted in " + where + " shortly.");
    }
}
