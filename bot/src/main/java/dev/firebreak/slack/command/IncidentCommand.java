package dev.firebreak.slack.command;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentManagement;
import dev.firebreak.slack.IncidentSubcommand;
import dev.firebreak.slack.SlackCommandContext;
import dev.firebreak.slack.SlackIncidentChannels;
import dev.firebreak.slack.SlackReply;
import dev.firebreak.slack.bolt.SlackAppRegistration;
import dev.firebreak.slack.bolt.SlackInteractions;
import dev.firebreak.slack.bolt.SlackUsageException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The {@code /incident} dispatcher: every {@link IncidentSubcommand} bean is one subcommand. Slack gets its
 * acknowledgement at once; the subcommand runs afterwards and answers through the response_url.
 */
@Component
class IncidentCommand implements SlackAppRegistration {

    static final String COMMAND = "/incident";

    private final Map<String, IncidentSubcommand> subcommands = new LinkedHashMap<>();
    private final IncidentManagement management;
    private final SlackIncidentChannels incidents;
    private final SlackInteractions interactions;

    IncidentCommand(
            List<IncidentSubcommand> all,
            IncidentManagement management,
            SlackIncidentChannels incidents,
            SlackInteractions interactions) {
        all.stream().sorted(Comparator.comparing(IncidentSubcommand::name)).forEach(s -> {
            IncidentSubcommand clash = subcommands.putIfAbsent(s.name().toLowerCase(), s);
            if (clash != null) {
                throw new IllegalStateException("Two /incident subcommands named " + s.name() + ": "
                        + clash.getClass().getName() + " and " + s.getClass().getName());
            }
        });
        this.management = management;
        this.incidents = incidents;
        this.interactions = interactions;
    }

    @Override
    public void registerOn(App app) {
        app.command(COMMAND, (req, ctx) -> {
            SlashCommandPayload p = req.getPayload();
            interactions.submit(p.getResponseUrl(), COMMAND, () -> handle(p));
            return ctx.ack();
        });
    }

    SlackReply handle(SlashCommandPayload p) throws Exception {
        CommandText.Parsed parsed = CommandText.parse(p.getText());
        List<IncidentSubcommand> list = List.copyOf(subcommands.values());
        if (parsed.name().equals("help")) {
            return SlackReply.ephemeral(CommandViews.help(list));
        }
        IncidentSubcommand sub = subcommands.get(parsed.name());
        if (sub == null) {
            return SlackReply.ephemeral(CommandViews.unknown(parsed.name(), list));
        }
        Incident incident = null;
        if (sub.needsIncident()) {
            incident = parsed.incidentRef() != null
                    ? management.require(parsed.incidentRef())
                    : incidents
                            .incidentIn(p.getChannelId())
                            .orElseThrow(() -> new SlackUsageException(
                                    "This is not an incident channel. Run it in one, or name the incident: `/incident "
                                            + sub.name() + " INC-12`"));
        }
        return sub.run(new SlackCommandContext(
                p.getUserId(),
                p.getUserName(),
                p.getChannelId(),
                p.getTeamId(),
                parsed.args(),
                incident,
                p.getResponseUrl(),
                p.getTriggerId()));
    }
}
