package dev.firebreak.postmortem;

import dev.firebreak.slack.BlockActionHandler;
import dev.firebreak.slack.SlackActions;
import dev.firebreak.slack.SlackCommandContext;
import dev.firebreak.slack.SlackReply;
import org.springframework.stereotype.Component;

/** The status card's Post-mortem button: same as {@code /incident postmortem}. */
@Component
class PostmortemButton implements BlockActionHandler {

    private final PostmortemRequests requests;

    PostmortemButton(PostmortemRequests requests) {
        this.requests = requests;
    }

    @Override
    public String actionId() {
        return SlackActions.POSTMORTEM;
    }

    @Override
    public SlackReply run(SlackCommandContext context) {
        return PostmortemReplies.requested(context.incident(), requests.requestUpload(context.incident().getId(), "button"));
    }
}
