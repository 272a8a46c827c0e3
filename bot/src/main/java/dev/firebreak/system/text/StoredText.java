package dev.firebreak.system.text;

import java.time.Instant;

/**
 * What Firebreak stores from untrusted text and times, the same on H2 and PostgreSQL.
 *
 * <p>A NUL character ({@code \u0000}, valid in JSON) cannot be stored in a PostgreSQL text column: it is
 * replaced with U+FFFD (the Unicode replacement character) before anything is stored, so the text keeps its
 * length and shows where something was. Times are limited to years 0001..9999: the range both databases
 * (and Go's JSON encoder, i.e. Alertmanager) can represent.
 */
public final class StoredText {

    public static final char REPLACEMENT = '\uFFFD';
    public static final Instant MIN_TIME = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant MAX_TIME = Instant.parse("9999-12-31T23:59:59.999999Z");

    private StoredText() {}

    /** The text with every NUL replaced by U+FFFD (the same instance when there is none). */
    public static String clean(String text) {
        return text == null || text.indexOf('\u0000') < 0 ? text : text.replace('\u0000', REPLACEMENT);
    }

    /** Whether the time can be stored (years 0001..9999). */
    public static boolean storable(Instant time) {
        return time == null || (!time.isBefore(MIN_TIME) && !time.isAfter(MAX_TIME));
    }
}
