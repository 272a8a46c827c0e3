package dev.firebreak.slack.command;

import com.slack.api.methods.response.views.ViewsOpenResponse;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentManagement;
import dev.firebreak.incident.IncidentSource;
import dev.firebreak.incident.NewIncident;
import dev.firebreak.incident.Severity;
import dev.firebreak.slack.IncidentSubcommand;
import dev.firebreak.slack.SlackApi;
import dev.firebreak.slack.SlackCommandContext;
import dev.firebreak.slack.SlackMrkdwn;
import dev.firebreak.slack.SlackReply;
import dev.firebreak.slack.bolt.SlackUsageException;
import dev.firebreak.system.pacing.Priority;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code /incident declare <title> [sev1..sev4]} opens an incident; with no arguments it opens the declare
 * modal instead. {@code views.open} is called right here, not through the outbox: a trigger_id expires
 * after 3 seconds, so a retry later could never succeed, and opening a form changes nothing.
 */
@Component
class DeclareSubcommand implements IncidentSubcommand {

    private static final Logger log = LoggerFactory.getLogger(DeclareSubcommand.class);
    static final Severity DEFAULT_SEVERITY = Severity.SEV3;

    private final IncidentManagement incidents;
    private final SlackApi slack;

    DeclareSubcommand(IncidentManagement incidents, SlackApi slack) {
        this.incidents = incidents;
        this.slack = slack;
    }

    @Override
    public String name() {
        return "declare";
    }

    @Override
    public String usage() {
        return "declare <title> [sev1..sev4]";
    }

    @Override
    public String help() {
        return "Open a new incident (without a title: a form)";
    }

    @Override
    public boolean needsIncident() {
        return false;
    }

    @Override
    public SlackReply run(SlackCommandContext context) throws Exception {
        String args = context.args() == null ? "" : context.args().strip();
        if (args.isEmpty()) {
            return openModal(context);
        }
        CommandText.Declaration d = CommandText.declaration(args, DEFAULT_SEVERITY);
        if (d.title().isBlank()) {
            throw new SlackUsageException("The incident needs a title: `/incident " + usage() + "`");
        }
        Incident i = incidents.open(
                NewIncident.declared(d.title(), null, d.severity(), IncidentSource.SLACK), context.actor());
        return SlackReply.ephemeral(":rotating_light: Declared *" + i.reference() + "* (" + i.getSeverity() + "): "
                + SlackMrkdwn.escape(i.getTitle()) + ". Its channel is being created.");
    }

    private SlackReply openModal(SlackCommandContext context) throws Exception {
        if (context.triggerId() == null) {
            throw new SlackUsageException("Give a title: `/incident " + usage() + "`");
        }
        SlackApi.Answer<ViewsOpenResponse> response = slack.call(
                "views.open",
                null,
                Priority.HIGH,
                m -> m.viewsOpen(r -> r.triggerId(context.triggerId()).view(DeclareModal.view(context.channelId()))));
        if (!response.ok()) {
            String error = response.error() != null ? response.error() : "no answer";
            log.warn("views.open failed: {}", error);
            return SlackReply.ephemeral(
                    ":warning: Could not open the form (" + error + "). Use `/incident " + usage() + "` instead.");
        }
        return SlackReply.none();
    }
}
