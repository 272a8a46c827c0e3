package dev.firebreak.postmortem;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How drafts write times and durations: {@code 2026-11-28 04:57:14 UTC}, {@code 4m 12s}, {@code n/a}. */
public final class Durations {

    public static final String NOT_AVAILABLE = "n/a";
    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter UTC_TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private Durations() {}

    public static String utc(Instant t) {
        return t == null ? NOT_AVAILABLE : UTC.format(t);
    }

    static String time(Instant t) {
        return t == null ? NOT_AVAILABLE : UTC_TIME.format(t);
    }

    /** {@code to - from} as {@code 1d 2h 4m 12s} (largest unit first, zero units inside kept); n/a if either is missing. */
    public static String between(Instant from, Instant to) {
        if (from == null || to == null) {
            return NOT_AVAILABLE;
        }
        return format(Duration.between(from, to));
    }

    public static String format(Duration d) {
        long s = Math.max(0, d.getSeconds());
        long days = s / 86_400;
        long hours = s % 86_400 / 3600;
        long minutes = s % 3600 / 60;
        long seconds = s % 60;
        if (days > 0) {
            return days + "d " + hours + "h " + minutes + "m " + seconds + "s";
        }
        if (hours > 0) {
            return hours + "h " + minutes + "m " + seconds + "s";
        }
        if (minutes > 0) {
            return minutes + "m " + seconds + "s";
        }
        return seconds + "s";
    }
}
