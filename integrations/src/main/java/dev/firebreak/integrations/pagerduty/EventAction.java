package dev.firebreak.integrations.pagerduty;

import java.util.Locale;

/** {@code event_action} of the Events API v2. */
public enum EventAction {
    TRIGGER,
    ACKNOWLEDGE,
    RESOLVE;

    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
