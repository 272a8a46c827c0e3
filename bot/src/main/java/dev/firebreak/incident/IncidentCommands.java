package dev.firebreak.incident;

import dev.firebreak.system.web.BadRequestException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The write side of the incident API, on top of {@link IncidentManagement}. Each method is one transaction,
 * so a PATCH that changes severity and status applies both or neither.
 */
@Service
class IncidentCommands {

    private final IncidentManagement management;
    private final IncidentQueries queries;

    IncidentCommands(IncidentManagement management, IncidentQueries queries) {
        this.management = management;
        this.queries = queries;
    }

    @Transactional
    public IncidentView declare(IncidentRequests.Declare request, Actor actor) {
        String title = IncidentApiInput.title(request.title());
        String summary = IncidentApiInput.optionalText(request.summary(), "summary", IncidentApiInput.MAX_SUMMARY);
        Severity severity = IncidentApiInput.severity(request.severity(), "severity");
        Incident incident = management.open(NewIncident.declared(title, summary, severity, IncidentSource.API), actor);
        return queries.view(incident);
    }

    @Transactional
    public IncidentView changeStatus(String reference, IncidentRequests.ChangeStatus request, Actor actor) {
        IncidentStatus to = IncidentApiInput.status(request.status(), "status");
        String reason = IncidentApiInput.optionalText(request.reason(), "reason", IncidentApiInput.MAX_REASON);
        Incident incident = management.require(reference);
        return queries.view(management.changeStatus(incident.getId(), to, actor, reason));
    }

    @Transactional
    public IncidentView changeSeverity(String reference, IncidentRequests.ChangeSeverity request, Actor actor) {
        Severity to = IncidentApiInput.severity(request.severity(), "severity");
        Incident incident = management.require(reference);
        return queries.view(management.changeSeverity(incident.getId(), to, actor));
    }

    @Transactional
    public IncidentView patch(String reference, IncidentRequests.Patch request, Actor actor) {
        boolean hasStatus = request.status() != null;
        boolean hasSeverity = request.severity() != null;
        if (!hasStatus && request.reason() != null) {
            throw new BadRequestException("reason needs a status");
        }
        if (!hasStatus && !hasSeverity) {
            throw new BadRequestException("Nothing to change: give status and/or severity");
        }
        IncidentStatus status = hasStatus ? IncidentApiInput.status(request.status(), "status") : null;
        Severity severity = hasSeverity ? IncidentApiInput.severity(request.severity(), "severity") : null;
        String reason = IncidentApiInput.optionalText(request.reason(), "reason", IncidentApiInput.MAX_REASON);
        Incident incident = management.require(reference);
        if (severity != null) {
            incident = management.changeSeverity(incident.getId(), severity, actor);
        }
        if (status != null) {
            incident = management.changeStatus(incident.getId(), status, actor, reason);
        }
        return queries.view(incident);
    }
}
