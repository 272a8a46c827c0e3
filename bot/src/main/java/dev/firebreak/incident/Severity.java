package dev.firebreak.incident;

import java.util.Locale;
import java.util.Optional;

/** Incident severity; SEV1 is the worst. */
public enum Severity {
    SEV1,
    SEV2,
    SEV3,
    SEV4;

    public int level() {
        return ordinal() + 1;
    }

    /** Parses {@code SEV2}, {@code sev2} or {@code 2}; empty for anything else. */
    public static Optional<Severity> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toUpperCase(Locale.ROOT);
        if (t.matches("[1-4]")) {
            t = "SEV" + t;
        }
        for (Severity s : values()) {
            if (s.name().equals(t)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
