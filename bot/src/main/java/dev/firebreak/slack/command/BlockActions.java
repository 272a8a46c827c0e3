package dev.firebreak.slack.command;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentManagement;
import dev.firebreak.slack.BlockActionHandler;
import dev.firebreak.slack.SlackCommandContext;
import dev.firebreak.slack.SlackIncidentChannels;
import dev.firebreak.slack.SlackReply;
import dev.firebreak.slack.bolt.SlackAppRegistration;
import dev.firebreak.slack.bolt.SlackInteractions;
import dev.firebreak.slack.bolt.SlackUsageException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Registers every {@link BlockActionHandler} bean. The incident comes from the button's value (the
 * incident id), else the block id, else the channel the message is in. For a select, the context's
 * {@code args} is the selected option's value; for a button it is empty.
 */
@Component
class BlockActions implements SlackAppRegistration {

    private static final Pattern UUID_INSIDE =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final List<BlockActionHandler> handlers;
    private final IncidentManagement management;
    private final SlackIncidentChannels incidents;
    private final SlackInteractions interactions;

    BlockActions(
            List<BlockActionHandler> handlers,
            IncidentManagement management,
            SlackIncidentChannels incidents,
            SlackInteractions interactions) {
        this.handlers = handlers;
        this.management = management;
        this.incidents = incidents;
        this.interactions = interactions;
    }

    @Override
    public void registerOn(App app) {
        for (BlockActionHandler handler : handlers) {
            app.blockAction(handler.actionId(), (req, ctx) -> {
                BlockActionPayload p = req.getPayload();
                interactions.submit(p.getResponseUrl(), handler.actionId(), () -> handle(handler, p));
                return ctx.ack();
            });
        }
    }

    SlackReply handle(BlockActionHandler handler, BlockActionPayload p) throws Exception {
        BlockActionPayload.Action action = p.getActions() == null
                ? null
                : p.getActions().stream()
                        .filter(a -> handler.actionId().equals(a.getActionId()))
                        .findFirst()
                        .orElse(null);
        if (action == null) {
            return SlackReply.none();
        }
        String channelId = p.getChannel() != null ? p.getChannel().getId() : null;
        Incident incident = find(action.getSelectedOption() == null ? action.getValue() : null)
                .or(() -> find(action.getBlockId()))
                .or(() -> channelId == null ? Optional.empty() : incidents.incidentIn(channelId))
                .orElseThrow(() -> new SlackUsageException("This button does not belong to a known incident."));
        String args =
                action.getSelectedOption() != null ? action.getSelectedOption().getValue() : "";
        String userName = p.getUser().getUsername() != null
                ? p.getUser().getUsername()
                : p.getUser().getName();
        return handler.run(new SlackCommandContext(
                p.getUser().getId(),
                userName,
                channelId,
                p.getTeam() == null ? null : p.getTeam().getId(),
                args,
                incident,
                p.getResponseUrl(),
                p.getTriggerId()));
    }

    /** An incident id, number or INC-n; or an incident id inside a longer id such as {@code card:<uuid>}. */
    private Optional<Incident> find(String reference) {
        if (reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        Optional<Incident> direct = management.find(reference);
        if (direct.isPresent()) {
            return direct;
        }
        Matcher uuid = UUID_INSIDE.matcher(reference);
        return uuid.find() ? management.find(uuid.group()) : Optional.empty();
    }
}
