package dev.firebreak.integrations.pagerduty;

import java.util.Locale;

/** {@code payload.severity} of an Events API v2 trigger. */
public enum EventSeverity {
    CRITICAL,
    ERROR,
    WARNING,
    INFO;

    /** The wire value: {@code critical}, {@code error}, {@code warning}, {@code info}. */
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
