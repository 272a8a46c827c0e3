package dev.firebreak.integrations.pagerduty;

import java.util.Locale;

/** Incident urgency of the REST API. */
public enum Urgency {
    HIGH,
    LOW;

    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
