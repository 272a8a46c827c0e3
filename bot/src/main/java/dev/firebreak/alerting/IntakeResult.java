package dev.firebreak.alerting;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.firebreak.alerting.AlertNotification.Outcome;
import dev.firebreak.incident.IncidentStatus;
import java.util.UUID;

/** What one committed notification did: the JSON answer to Alertmanager. Incident fields are null when none. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IntakeResult(
        Outcome outcome,
        UUID incidentId,
        Long incidentNumber,
        String incident,
        IncidentStatus incidentStatus,
        int alerts) {}
