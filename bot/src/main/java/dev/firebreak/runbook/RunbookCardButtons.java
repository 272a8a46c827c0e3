package dev.firebreak.runbook;

import dev.firebreak.incident.IncidentManagement;
import dev.firebreak.slack.SlackActions;
import dev.firebreak.slack.StatusCardButtons;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The status card offers the runbooks whose triggers match the incident, one "Run" button each. */
@Component
class RunbookCardButtons implements StatusCardButtons {

    private static final Logger log = LoggerFactory.getLogger(RunbookCardButtons.class);

    private final RunbookCore core;
    private final IncidentFactsSource facts;
    private final IncidentManagement incidents;

    RunbookCardButtons(RunbookCore core, IncidentFactsSource facts, IncidentManagement incidents) {
        this.core = core;
        this.facts = facts;
        this.incidents = incidents;
    }

    @Override
    public List<Button> buttons(UUID incidentId) {
        try {
            java.util.Set<String> matching = core.matchingIds(facts.of(incidents.get(incidentId)));
            return core.catalog().stream()
                    .filter(l -> matching.contains(l.view().id()))
                    .map(l -> new Button(
                            SlackActions.RUN_RUNBOOK + ":" + l.view().id(),
                            "Run: " + l.view().title(),
                            incidentId + "|" + l.view().id()))
                    .toList();
        } catch (RuntimeException e) {
            log.warn("Could not match runbooks for the status card: {}", e.toString());
            return List.of();
        }
    }
}
