package dev.firebreak.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import java.util.regex.Pattern;

/**
 * Handles a family of Block Kit actions whose {@code action_id}s match a pattern (e.g. one "Run" button per runbook)
 * and whose {@code value} the owning module reads itself. Beans implementing this are registered with Bolt; the Slack
 * module acknowledges within 3 s and posts the reply to the response URL. For buttons that carry just the incident,
 * use {@link BlockActionHandler}.
 */
public interface PayloadActionHandler {

    /** The action ids this handler takes. */
    Pattern actionIds();

    SlackReply run(BlockActionPayload payload) throws Exception;
}
