package dev.firebreak.integrations.pagerduty;

import java.util.Locale;

/** The statuses an incident can be moved to with {@code PUT /incidents/{id}}. */
public enum IncidentStatusChange {
    ACKNOWLEDGED,
    RESOLVED;

    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
