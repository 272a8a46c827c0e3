package dev.firebreak.slack.delivery;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Deterministic incident channel names: {@code <prefix>-<number>-<slug of title>}, lowercase, only
 * {@code a-z 0-9 - _}, at most 80 characters, never ending with '-'. Accents are transliterated, everything
 * else (emoji, punctuation, other scripts) becomes a separator; runs of dashes collapse.
 */
public final class ChannelNames {

    static final int MAX = 80;

    private ChannelNames() {}

    /** The name tried first for incident {@code number}. */
    static String of(String prefix, long number, String title) {
        String p = slug(prefix);
        String head = (p.isEmpty() ? "inc" : p) + "-" + number;
        String s = slug(title);
        return cut(s.isEmpty() ? head : head + "-" + s, MAX);
    }

    /**
     * The name tried first for an incident numbered {@code number}: drill incidents (negative numbers, shown
     * {@code DRILL-<n>}) take {@code drillPrefix} and their drill number.
     */
    public static String of(String prefix, String drillPrefix, long number, String title) {
        return number < 0
                ? of(drillPrefix == null || drillPrefix.isBlank() ? "drill" : drillPrefix, -number, title)
                : of(prefix, number, title);
    }

    /** Attempt 1 is the base name; attempt n adds {@code -n}, still within 80 characters. */
    static String withSuffix(String base, int attempt) {
        if (attempt <= 1) {
            return cut(base, MAX);
        }
        String suffix = "-" + attempt;
        return cut(base, MAX - suffix.length()) + suffix;
    }

    static String slug(String text) {
        if (text == null) {
            return "";
        }
        String t = text.replace("ß", "ss")
                .replace("ẞ", "ss")
                .replace("æ", "ae")
                .replace("Æ", "ae")
                .replace("œ", "oe")
                .replace("Œ", "oe")
                .replace("ø", "o")
                .replace("Ø", "o")
                .replace("ł", "l")
                .replace("Ł", "l")
                .replace("đ", "d")
                .replace("Đ", "d")
                .replace("þ", "th")
                .replace("Þ", "th");
        t = Normalizer.normalize(t, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            boolean keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
            out.append(keep ? c : '-');
        }
        String s = out.toString().replaceAll("-{2,}", "-");
        return strip(s);
    }

    private static String cut(String name, int max) {
        return strip(name.length() <= max ? name : name.substring(0, max));
    }

    private static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '-') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '-') {
            end--;
        }
        return s.substring(start, end);
    }
}
