package dev.firebreak.system.pacing;

import java.time.Duration;

/**
 * One shared rate budget: up to {@code burst} calls at once, refilled at one call per {@code interval}.
 *
 * @param key      the budget's row, e.g. {@code slack:conversations.create} or {@code slack:chat@C123}
 * @param interval time per call at the sustained rate
 * @param burst    calls that may go back to back after a quiet period (at least 1)
 */
public record Budget(String key, Duration interval, int burst) {

    public Budget {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive: " + key);
        }
        burst = Math.max(1, burst);
    }

    /**
     * The budget that keeps a vendor's "at most {@code limit} calls in any {@code period}" (a sliding window, the
     * strictest reading of a published limit): burst plus the calls refilled within one period stay below the limit
     * by a margin (one call, 5 % of large limits), which absorbs the delay between taking a slot and the call
     * arriving. Small limits get one call at a time, spaced a tenth more than the period allows.
     */
    public static Budget within(String key, int limit, Duration period) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1: " + key);
        }
        long periodMs = period.toMillis();
        int usable = limit - Math.max(1, limit / 20);
        int burst = Math.max(1, Math.min(10, usable / 6));
        if (usable - burst < 1) {
            return new Budget(key, Duration.ofMillis(periodMs * 11 / (10L * limit)), 1);
        }
        return new Budget(key, Duration.ofMillis(Math.max(1, periodMs / (usable - burst))), burst);
    }
}
