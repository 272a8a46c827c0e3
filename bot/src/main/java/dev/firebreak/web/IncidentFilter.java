package dev.firebreak.web;

import dev.firebreak.incident.IncidentStatus;
import dev.firebreak.incident.Severity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The incident list's filters, from query parameters; anything unknown is ignored rather than refused (a link
 * someone pasted keeps working). {@code range} is how far back incidents were opened: 24h, 7d, 30d, 90d or all.
 */
public record IncidentFilter(
        Set<IncidentStatus> statuses,
        Set<Severity> severities,
        String service,
        String team,
        String range,
        String query,
        int page) {

    static final int PAGE_SIZE = 50;
    static final List<String> RANGES = List.of("24h", "7d", "30d", "90d", "all");
    static final int MAX_TEXT = 200;

    static IncidentFilter of(
            List<String> status,
            List<String> severity,
            String service,
            String team,
            String range,
            String q,
            Integer page) {
        Set<IncidentStatus> statuses = EnumSet.noneOf(IncidentStatus.class);
        for (String s : status == null ? List.<String>of() : status) {
            if ("open".equalsIgnoreCase(s)) {
                statuses.addAll(
                        List.of(IncidentStatus.TRIGGERED, IncidentStatus.ACKNOWLEDGED, IncidentStatus.MITIGATED));
            }
            for (IncidentStatus v : IncidentStatus.values()) {
                if (v.name().equalsIgnoreCase(s)) {
                    statuses.add(v);
                }
            }
        }
        Set<Severity> severities = EnumSet.noneOf(Severity.class);
        for (String s : severity == null ? List.<String>of() : severity) {
            Severity.parse(s).ifPresent(severities::add);
        }
        String r = range == null ? "30d" : range.toLowerCase(Locale.ROOT);
        return new IncidentFilter(
                statuses,
                severities,
                text(service),
                text(team),
                RANGES.contains(r) ? r : "30d",
                text(q),
                page == null || page < 0 ? 0 : Math.min(page, 10_000));
    }

    private static String text(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip();
        return t.length() > MAX_TEXT ? t.substring(0, MAX_TEXT) : t;
    }

    /** Opened at or after this, or null for all time. */
    Instant since(Clock clock) {
        return switch (range) {
            case "24h" -> clock.instant().minus(Duration.ofHours(24));
            case "7d" -> clock.instant().minus(Duration.ofDays(7));
            case "90d" -> clock.instant().minus(Duration.ofDays(90));
            case "all" -> null;
            default -> clock.instant().minus(Duration.ofDays(30));
        };
    }

    public boolean has(IncidentStatus s) {
        return statuses.contains(s);
    }

    public boolean has(Severity s) {
        return severities.contains(s);
    }

    /** The query string of this filter on another page (for the pager links). */
    public String pageQuery(int other) {
        List<String> parts = new ArrayList<>();
        statuses.forEach(s -> parts.add("status=" + s.name().toLowerCase(Locale.ROOT)));
        severities.forEach(s -> parts.add("severity=" + s.name().toLowerCase(Locale.ROOT)));
        if (service != null) {
            parts.add("service=" + enc(service));
        }
        if (team != null) {
            parts.add("team=" + enc(team));
        }
        parts.add("range=" + range);
        if (query != null) {
            parts.add("q=" + enc(query));
        }
        parts.add("page=" + other);
        return "?" + String.join("&", parts);
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
