package dev.firebreak.integrations.pagerduty;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes {@code custom_details} safe to send: drops keys that name secrets and values that look like credentials (at
 * any depth), cuts long strings, and keeps the serialized size within {@link EventLimits#MAX_CUSTOM_DETAILS_BYTES}
 * by dropping top-level entries that do not fit (listed under {@value #TRUNCATED_KEY}).
 */
final class CustomDetails {

    static final String TRUNCATED_KEY = "firebreak_truncated";
    static final int MAX_STRING_CHARS = 4096;
    private static final int MAX_DEPTH = 8;
    private static final int MARKER_RESERVE = 600;

    private static final Pattern SECRET_KEY = Pattern.compile(
            "(?i).*(token|passw(or)?d|passwd|secret|authori[sz]ation|api[-_ ]?key|cookie|credential|private[-_ ]?key"
                    + "|routing[-_ ]?key|integration[-_ ]?key|session[-_ ]?id|signature).*");
    private static final Pattern SECRET_VALUE = Pattern.compile("(?is).*(\\b(bearer|basic)\\s+[a-z0-9._~+/=-]{8,}"
            + "|token\\s+token="
            + "|\\bxox[abposr]-[a-z0-9-]{10,}"
            + "|\\bxapp-[a-z0-9-]{10,}"
            + "|\\beyJ[a-z0-9_-]{8,}\\.eyJ[a-z0-9_-]{8,}\\.[a-z0-9_-]+"
            + "|-----BEGIN [a-z ]*PRIVATE KEY-----"
            + "|://[^/\\s:@]+:[^/\\s@]+@).*");

    private final JsonMapper json;

    CustomDetails(JsonMapper json) {
        this.json = json;
    }

    static boolean isSecretKey(String key) {
        return key != null && SECRET_KEY.matcher(key).matches();
    }

    static boolean looksLikeSecret(String value) {
        return value != null && SECRET_VALUE.matcher(value).matches();
    }

    /** Redacted and bounded copy; insertion order kept. */
    Map<String, Object> sanitize(Map<String, Object> details) {
        Map<String, Object> clean = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : details.entrySet()) {
            if (entry.getKey() == null || isSecretKey(entry.getKey())) {
                continue;
            }
            Object value = clean(entry.getValue(), 1);
            if (value != Dropped.INSTANCE) {
                clean.put(entry.getKey(), value);
            }
        }
        return bound(clean);
    }

    private Object clean(Object value, int depth) {
        if (value == null || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (depth > MAX_DEPTH) {
            return "…";
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                if (isSecretKey(key)) {
                    continue;
                }
                Object cleaned = clean(entry.getValue(), depth + 1);
                if (cleaned != Dropped.INSTANCE) {
                    out.put(key, cleaned);
                }
            }
            return out;
        }
        if (value instanceof Collection<?> || value instanceof Object[]) {
            Collection<?> items = value instanceof Object[] array ? Arrays.asList(array) : (Collection<?>) value;
            List<Object> out = new ArrayList<>();
            for (Object item : items) {
                Object cleaned = clean(item, depth + 1);
                if (cleaned != Dropped.INSTANCE) {
                    out.add(cleaned);
                }
            }
            return out;
        }
        String text = value instanceof CharSequence ? value.toString() : String.valueOf(value);
        if (looksLikeSecret(text)) {
            return Dropped.INSTANCE;
        }
        return text.length() > MAX_STRING_CHARS ? EventLimits.cutAtCodePoint(text, MAX_STRING_CHARS - 1) + "…" : text;
    }

    private Map<String, Object> bound(Map<String, Object> clean) {
        int limit = EventLimits.MAX_CUSTOM_DETAILS_BYTES;
        if (size(clean) <= limit) {
            return clean;
        }
        int budget = limit - MARKER_RESERVE;
        Map<String, Object> kept = new LinkedHashMap<>();
        List<String> dropped = new ArrayList<>();
        int used = 2; // {}
        for (Map.Entry<String, Object> entry : clean.entrySet()) {
            int entrySize = size(entry.getKey()) + size(entry.getValue()) + 2; // ':' and ','
            if (used + entrySize <= budget) {
                kept.put(entry.getKey(), entry.getValue());
                used += entrySize;
                continue;
            }
            int room = budget - used - size(entry.getKey()) - 8;
            if (entry.getValue() instanceof String text && room >= 64) {
                String cut = cutToBytes(text, room);
                kept.put(entry.getKey(), cut);
                used += size(entry.getKey()) + size(cut) + 2;
            } else {
                dropped.add(entry.getKey());
            }
        }
        if (!dropped.isEmpty()) {
            String names = String.join(", ", dropped);
            if (names.length() > 300) {
                names = EventLimits.cutAtCodePoint(names, 299) + "…";
            }
            kept.put(TRUNCATED_KEY, dropped.size() + " field(s) dropped to stay under " + limit + " bytes: " + names);
        }
        if (size(kept) > limit) { // cannot happen with the reserve, but never send an oversized body
            Map<String, Object> marker = new LinkedHashMap<>();
            marker.put(TRUNCATED_KEY, "custom details dropped: larger than " + limit + " bytes");
            return marker;
        }
        return kept;
    }

    /** Cuts {@code text} so that its JSON form stays within about {@code maxBytes}, ending with {@code …}. */
    private String cutToBytes(String text, int maxBytes) {
        int chars = Math.min(text.length(), maxBytes);
        String cut = EventLimits.cutAtCodePoint(text, chars) + "…";
        while (size(cut) > maxBytes && chars > 0) {
            chars = Math.max(0, chars - Math.max(16, (size(cut) - maxBytes)));
            cut = EventLimits.cutAtCodePoint(text, chars) + "…";
        }
        return cut;
    }

    int size(Object value) {
        return json.writeValueAsString(value).getBytes(StandardCharsets.UTF_8).length;
    }

    private enum Dropped {
        INSTANCE
    }
}
