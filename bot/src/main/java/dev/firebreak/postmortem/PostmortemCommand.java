package dev.firebreak.postmortem;

import dev.firebreak.incident.IncidentQueries;
import dev.firebreak.slack.IncidentSubcommand;
import dev.firebreak.slack.SlackCommandContext;
import dev.firebreak.slack.SlackReply;
import org.springframework.stereotype.Component;

/** {@code /incident postmortem}: uploads the post-mortem draft to the incident's channel (through the outbox). */
@Component
class PostmortemCommand implements IncidentSubcommand {

    private final PostmortemRequests requests;
    private final IncidentQueries incidents;

    PostmortemCommand(PostmortemRequests requests, IncidentQueries incidents) {
        this.requests = requests;
        this.incidents = incidents;
    }

    @Override
    public String name() {
        return "postmortem";
    }

    @Override
    public String usage() {
        return "postmortem";
    }

    @Override
    public String help() {
        return "Post the post-mortem draft (Markdown) in the incident channel";
    }

    @Override
    public SlackReply run(SlackCommandContext context) {
        return PostmortemReplies.requested(
                incidents.view(context.incident()),
                requests.requestUpload(context.incident().getId(), "command"));
    }
}
