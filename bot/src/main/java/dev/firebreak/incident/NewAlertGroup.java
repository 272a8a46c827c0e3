package dev.firebreak.incident;

import java.util.Objects;

/**
 * An alert group as one notification shows it, for a storm incident: what its own incident would have been
 * ({@code spec}, whose correlation key is the groupKey), its Alertmanager receiver and its alert counts.
 */
public record NewAlertGroup(NewIncident spec, String receiver, int firingAlerts, int totalAlerts, boolean resolved) {

    public NewAlertGroup {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(spec.correlationKey(), "the group key (spec.correlationKey)");
    }
}
