package dev.firebreak.alerting;

import dev.firebreak.alerting.AlertNotification.Outcome;
import dev.firebreak.incident.IncidentStatus;
import dev.firebreak.incident.NewIncident;

/**
 * The pure decisions of alert intake, shared by the live intake ({@link AlertIntake}) and the offline replay
 * (issue 14), so a replay decides exactly what the bot would: payload parsing and validation, the incident a
 * notification opens (title, severity), and per-group correlation.
 */
public final class IntakeRules {

    private IntakeRules() {}

    /**
     * Parses and validates an Alertmanager webhook body (version 4).
     *
     * @throws dev.firebreak.system.web.BadRequestException when the live webhook would answer 400
     */
    public static AlertmanagerNotification parse(byte[] body) {
        return AlertmanagerPayloads.parse(body);
    }

    /** The incident a notification opens when its group has none open. */
    public static NewIncident draft(AlertmanagerNotification n, AlertmanagerSettings settings) {
        return IncidentDrafts.draft(n, settings);
    }

    /**
     * What a notification does to its group: {@code UPDATED} when the group has an open incident,
     * {@code IGNORED_NO_OPEN_INCIDENT} for a resolved notification without one, else {@code OPENED} (also a
     * firing notification after the group's incident resolved: see {@link AlertIntake}).
     */
    public static Outcome correlate(boolean groupHasOpenIncident, AlertmanagerNotification n) {
        if (groupHasOpenIncident) {
            return Outcome.UPDATED;
        }
        return n.isResolved() ? Outcome.IGNORED_NO_OPEN_INCIDENT : Outcome.OPENED;
    }

    /** The status an alert-opened incident moves to when every alert of its group resolved. */
    public static IncidentStatus whenAllResolved(AutoResolveSettings autoResolve) {
        return autoResolve.autoResolve() ? IncidentStatus.RESOLVED : IncidentStatus.MITIGATED;
    }

    /**
     * A firing sighting of an alert that already resolved, started before that resolution (a late redelivery or the
     * other Alertmanager of a pair): intake ignores it.
     */
    public static boolean isStaleSighting(
            boolean storedFiring,
            java.time.Instant storedStartsAt,
            java.time.Instant storedEndsAt,
            AlertmanagerNotification.Alert sighting) {
        return AlertUpserts.isStale(storedFiring, storedStartsAt, storedEndsAt, sighting);
    }
}
