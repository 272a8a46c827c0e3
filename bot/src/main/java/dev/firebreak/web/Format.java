package dev.firebreak.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the console writes times (UTC, ISO-like) and durations ({@code 1h 05m}); used from the templates as {@code fmt}. */
public final class Format {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SHORT =
            DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);

    public String time(Instant t) {
        return t == null ? "—" : TIME.format(t);
    }

    public String shortTime(Instant t) {
        return t == null ? "—" : SHORT.format(t);
    }

    /** The machine-readable form for {@code <time datetime>}. */
    public String iso(Instant t) {
        return t == null ? "" : t.toString();
    }

    public String duration(Duration d) {
        if (d == null) {
            return "—";
        }
        long s = d.getSeconds();
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
        }
        if (s < 86_400) {
            return String.format(Locale.ROOT, "%dh %02dm", s / 3600, (s % 3600) / 60);
        }
        return String.format(Locale.ROOT, "%dd %02dh", s / 86_400, (s % 86_400) / 3600);
    }

    public String seconds(Double seconds) {
        return seconds == null ? "—" : duration(Duration.ofMillis(Math.round(seconds * 1000)));
    }

    public String lower(Object o) {
        return o == null ? "" : o.toString().toLowerCase(Locale.ROOT);
    }
}
