package dev.firebreak.incident;

import java.util.Locale;
import java.util.Optional;

/** Roles people hold in an incident. */
public enum IncidentRole {
    COMMANDER,
    SCRIBE,
    COMMS;

    public static Optional<IncidentRole> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }
}
