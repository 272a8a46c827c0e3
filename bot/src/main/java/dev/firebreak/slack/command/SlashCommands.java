package dev.firebreak.slack.command;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import dev.firebreak.slack.SlackCommandContext;
import dev.firebreak.slack.SlackIncidentChannels;
import dev.firebreak.slack.SlashCommand;
import dev.firebreak.slack.bolt.SlackAppRegistration;
import dev.firebreak.slack.bolt.SlackInteractions;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Registers every {@link SlashCommand} bean (e.g. {@code /oncall}): acknowledged at once, run afterwards,
 * answered through the response_url. The context's incident is the channel's incident, if any.
 */
@Component
class SlashCommands implements SlackAppRegistration {

    private final List<SlashCommand> commands;
    private final SlackIncidentChannels incidents;
    private final SlackInteractions interactions;

    SlashCommands(List<SlashCommand> commands, SlackIncidentChannels incidents, SlackInteractions interactions) {
        this.commands = commands;
        this.incidents = incidents;
        this.interactions = interactions;
    }

    @Override
    public void registerOn(App app) {
        for (SlashCommand command : commands) {
            app.command(command.command(), (req, ctx) -> {
                SlashCommandPayload p = req.getPayload();
                interactions.submit(
                        p.getResponseUrl(),
                        command.command(),
                        () -> command.run(new SlackCommandContext(
                                p.getUserId(),
                                p.getUserName(),
                                p.getChannelId(),
                                p.getTeamId(),
                                p.getText() == null
                                        ? ""
                                        : CommandText.unescape(p.getText().strip()),
                                p.getChannelId() == null
                                        ? null
                                        : incidents.incidentIn(p.getChannelId()).orElse(null),
                                p.getResponseUrl(),
                                p.getTriggerId())));
                return ctx.ack();
            });
        }
    }
}
