package dev.firebreak.incident;

import dev.firebreak.system.web.BadRequestException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Parses and bounds what API callers send; anything wrong is a {@link BadRequestException} (400). */
final class IncidentApiInput {

    static final int MAX_PAGE_SIZE = 200;
    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_SUMMARY = 10_000;
    static final int MAX_REASON = 2_000;

    private IncidentApiInput() {}

    static Severity severity(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new BadRequestException(field + " is required (one of SEV1, SEV2, SEV3, SEV4)");
        }
        return Severity.parse(text)
                .orElseThrow(() -> new BadRequestException(
                        "Unknown " + field + " '" + clip(text) + "' (one of SEV1, SEV2, SEV3, SEV4)"));
    }

    static IncidentStatus status(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new BadRequestException(
                    field + " is required (one of " + Arrays.toString(IncidentStatus.values()) + ")");
        }
        String t = text.strip().toUpperCase(Locale.ROOT);
        for (IncidentStatus s : IncidentStatus.values()) {
            if (s.name().equals(t)) {
                return s;
            }
        }
        throw new BadRequestException(
                "Unknown " + field + " '" + clip(text) + "' (one of " + Arrays.toString(IncidentStatus.values()) + ")");
    }

    /** Filter values: repeated parameters and/or comma-separated lists; null or empty means "any". */
    static Set<IncidentStatus> statuses(List<String> values) {
        Set<IncidentStatus> out = new LinkedHashSet<>();
        for (String v : split(values)) {
            out.add(status(v, "status"));
        }
        return out;
    }

    static Set<Severity> severities(List<String> values) {
        Set<Severity> out = new LinkedHashSet<>();
        for (String v : split(values)) {
            out.add(severity(v, "severity"));
        }
        return out;
    }

    static String title(String title) {
        if (title == null || title.isBlank()) {
            throw new BadRequestException("title is required");
        }
        if (title.strip().length() > NewIncident.MAX_TITLE) {
            throw new BadRequestException("title is longer than " + NewIncident.MAX_TITLE + " characters");
        }
        return title.strip();
    }

    static String optionalText(String text, String field, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        if (t.length() > max) {
            throw new BadRequestException(field + " is longer than " + max + " characters");
        }
        return t;
    }

    static void page(int page, int size) {
        if (page < 0) {
            throw new BadRequestException("page must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new BadRequestException("size must be between 1 and " + MAX_PAGE_SIZE);
        }
    }

    private static List<String> split(List<String> values) {
        List<String> out = new ArrayList<>();
        if (values == null) {
            return out;
        }
        for (String v : values) {
            if (v == null) {
                continue;
            }
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }

    private static String clip(String s) {
        String t = s.strip();
        return t.length() > 40 ? t.substring(0, 40) + "…" : t;
    }
}
