package dev.firebreak.integrations.pagerduty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** PagerDuty Events API v2 field limits, applied by the client before sending (public so callers can predict keys). */
public final class EventLimits {

    /** PagerDuty rejects longer {@code dedup_key}s. */
    public static final int MAX_DEDUP_KEY_LENGTH = 255;
    /** PagerDuty truncates longer summaries; we cut first so the cut is visible ({@code …}). */
    public static final int MAX_SUMMARY_LENGTH = 1024;
    /** Upper bound of the serialized {@code custom_details} (UTF-8 bytes). */
    public static final int MAX_CUSTOM_DETAILS_BYTES = 16 * 1024;

    private static final int HASH_CHARS = 16;

    private EventLimits() {}

    /**
     * The key as sent: unchanged when at most 255 characters, otherwise its first characters plus {@code -} and 16
     * hex characters of its SHA-256, exactly 255 characters. Deterministic: the same input always gives the same key.
     */
    public static String dedupKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("dedup key must not be empty");
        }
        if (key.length() <= MAX_DEDUP_KEY_LENGTH) {
            return key;
        }
        String suffix = "-" + sha256Hex(key).substring(0, HASH_CHARS);
        return cutAtCodePoint(key, MAX_DEDUP_KEY_LENGTH - suffix.length()) + suffix;
    }

    /** The summary as sent: at most 1,024 characters, cut ones end with {@code …}. Blank becomes "(no summary)". */
    public static String summary(String summary) {
        if (summary == null || summary.isBlank()) {
            return "(no summary)";
        }
        String oneLine = summary.strip();
        if (oneLine.length() <= MAX_SUMMARY_LENGTH) {
            return oneLine;
        }
        return cutAtCodePoint(oneLine, MAX_SUMMARY_LENGTH - 1) + "…";
    }

    static String cutAtCodePoint(String value, int maxChars) {
        if (value.length() <= maxChars) {
            return value;
        }
        int end = maxChars;
        if (end > 0 && Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end);
    }

    static String sha256Hex(String value) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 not available", e);
        }
    }
}
