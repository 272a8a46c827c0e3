package dev.firebreak.integrations.pagerduty;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.Response;

/** How long to wait before the next attempt: PagerDuty's announced reset, else exponential backoff with jitter. */
final class RetryTiming {

    private final PagerDutyConfig config;

    RetryTiming(PagerDutyConfig config) {
        this.config = config;
    }

    /** Exponential backoff with equal jitter: half fixed, half random; capped at maxBackoff. */
    Duration backoff(int attempt) {
        long base = config.initialBackoff().toMillis();
        long max = config.maxBackoff().toMillis();
        long exp = attempt >= 30 ? max : Math.min(max, base << attempt);
        long half = exp / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }

    /**
     * {@code ratelimit-reset} (seconds until the window resets) or {@code Retry-After} (seconds or HTTP date), as sent
     * with 429 and sometimes 503; null when neither is present or readable.
     */
    Duration serverWait(Response response) {
        String reset = response.header("ratelimit-reset");
        Duration wait = seconds(reset);
        if (wait == null) {
            String retryAfter = response.header("Retry-After");
            wait = seconds(retryAfter);
            if (wait == null && retryAfter != null) {
                try {
                    Instant at = ZonedDateTime.parse(retryAfter.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
                            .toInstant();
                    Duration until = Duration.between(config.clock().instant(), at);
                    wait = until.isNegative() ? Duration.ZERO : until;
                } catch (DateTimeParseException ignored) {
                    wait = null;
                }
            }
        }
        return wait;
    }

    private static Duration seconds(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            double seconds = Double.parseDouble(header.trim());
            if (seconds < 0 || Double.isNaN(seconds) || Double.isInfinite(seconds)) {
                return null;
            }
            return Duration.ofMillis((long) Math.ceil(seconds * 1000));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
