package dev.firebreak.incident;

import dev.firebreak.system.web.BadRequestException;
import org.springframework.http.HttpStatus;

/** A status change the lifecycle does not allow (answered 409 by the API, an ephemeral note in Slack). */
public class IllegalTransitionException extends BadRequestException {

    private final IncidentStatus from;
    private final IncidentStatus to;

    public IllegalTransitionException(IncidentStatus from, IncidentStatus to) {
        super(
                HttpStatus.CONFLICT,
                "illegal_transition",
                from == to ? "Incident is already " + from : "Cannot move an incident from " + from + " to " + to);
        this.from = from;
        this.to = to;
    }

    public IncidentStatus from() {
        return from;
    }

    public IncidentStatus to() {
        return to;
    }
}
