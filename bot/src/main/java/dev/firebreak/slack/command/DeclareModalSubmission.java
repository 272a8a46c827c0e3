package dev.firebreak.slack.command;

import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import dev.firebreak.incident.Actor;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentManagement;
import dev.firebreak.incident.IncidentSource;
import dev.firebreak.incident.NewIncident;
import dev.firebreak.slack.bolt.SlackAppRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The declare modal's submission. Validated and opened synchronously (one local transaction, well within
 * Slack's 3 s): invalid input goes back as {@code response_action: errors} under the fields; success
 * replaces the modal with a confirmation.
 */
@Component
class DeclareModalSubmission implements SlackAppRegistration {

    private static final Logger log = LoggerFactory.getLogger(DeclareModalSubmission.class);

    private final IncidentManagement incidents;

    DeclareModalSubmission(IncidentManagement incidents) {
        this.incidents = incidents;
    }

    @Override
    public void registerOn(App app) {
        app.viewSubmission(DeclareModal.CALLBACK_ID, (req, ctx) -> {
            ViewSubmissionPayload p = req.getPayload();
            DeclareModal.Submission s = DeclareModal.read(p.getView().getState());
            if (!s.valid()) {
                return ctx.ackWithErrors(s.errors());
            }
            Actor actor = Actor.slack(
                    p.getUser().getId(),
                    p.getUser().getUsername() != null
                            ? p.getUser().getUsername()
                            : p.getUser().getName());
            try {
                Incident i = incidents.open(
                        NewIncident.declared(s.title(), s.description(), s.severity(), IncidentSource.SLACK), actor);
                return ctx.ackWithUpdate(DeclareModal.declared(i.reference(), i.getTitle()));
            } catch (RuntimeException e) {
                log.error("Declaring an incident from the modal failed", e);
                return ctx.ackWithErrors(java.util.Map.of(
                        DeclareModal.TITLE, "Firebreak could not save the incident right now; please submit again."));
            }
        });
    }
}
