package dev.firebreak.postmortem;

import dev.firebreak.incident.IncidentQueries;
import dev.firebreak.slack.BlockActionHandler;
import dev.firebreak.slack.SlackActions;
import dev.firebreak.slack.SlackCommandContext;
import dev.firebreak.slack.SlackReply;
import org.springframework.stereotype.Component;

/** The status card's Post-mortem button: same as {@code /incident postmortem}. */
@Component
class PostmortemButton implements BlockActionHandler {

    private final PostmortemRequests requests;
    private final IncidentQueries incidents;

    PostmortemButton(PostmortemRequests requests, IncidentQueries incidents) {
        this.requests = requests;
        this.incidents = incidents;
    }

    @Override
    public String actionId() {
        return SlackActions.POSTMORTEM;
    }

    @Override
    public SlackReply run(SlackCommandContext context) {
        return PostmortemReplies.requested(
                incidents.view(context.incident()),
                requests.requestUpload(context.incident().getId(), "button"));
    }
}
