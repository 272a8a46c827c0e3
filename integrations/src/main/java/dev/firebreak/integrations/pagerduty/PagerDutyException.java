package dev.firebreak.integrations.pagerduty;

import java.time.Duration;
import java.util.Optional;

/**
 * The one exception of the PagerDuty client. {@link #status()} is the HTTP status (0 when no HTTP answer arrived:
 * network failure or timeout), {@link #errorCode()} PagerDuty's error code when the body carried one.
 * {@link #retryable()} tells the caller (the outbox) whether trying again later may succeed. Messages never contain
 * the API token or routing keys.
 */
public class PagerDutyException extends RuntimeException {

    private final int status;
    private final Integer errorCode;
    private final boolean retryable;
    private final Duration retryAfter;

    public PagerDutyException(
            int status, Integer errorCode, String message, boolean retryable, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.errorCode = errorCode;
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    public PagerDutyException(int status, Integer errorCode, String message, boolean retryable, Duration retryAfter) {
        this(status, errorCode, message, retryable, retryAfter, null);
    }

    /** HTTP status, or 0 when the request got no HTTP answer (network error, timeout). */
    public int status() {
        return status;
    }

    /** PagerDuty's error code ({@code error.code} in REST answers), if the answer carried one. */
    public Optional<Integer> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    /** True for 429, 5xx and network failures: the same request may succeed later. */
    public boolean retryable() {
        return retryable;
    }

    /** When PagerDuty said how long to wait (429 {@code ratelimit-reset} / {@code Retry-After}). */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
