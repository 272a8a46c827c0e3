package dev.firebreak.slack.command;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import dev.firebreak.slack.PayloadActionHandler;
import dev.firebreak.slack.bolt.SlackAppRegistration;
import dev.firebreak.slack.bolt.SlackInteractions;
import java.util.List;
import org.springframework.stereotype.Component;

/** Registers every {@link PayloadActionHandler} bean: acknowledged at once, the reply goes to the response URL. */
@Component
class PayloadActions implements SlackAppRegistration {

    private final List<PayloadActionHandler> handlers;
    private final SlackInteractions interactions;

    PayloadActions(List<PayloadActionHandler> handlers, SlackInteractions interactions) {
        this.handlers = handlers;
        this.interactions = interactions;
    }

    @Override
    public void registerOn(App app) {
        for (PayloadActionHandler handler : handlers) {
            app.blockAction(handler.actionIds(), (req, ctx) -> {
                BlockActionPayload p = req.getPayload();
                String what = p.getActions() == null || p.getActions().isEmpty()
                        ? handler.actionIds().pattern()
                        : p.getActions().get(0).getActionId();
                interactions.submit(p.getResponseUrl(), what, () -> handler.run(p));
                return ctx.ack();
            });
        }
    }
}
