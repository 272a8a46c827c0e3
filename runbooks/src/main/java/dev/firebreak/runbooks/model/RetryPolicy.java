package dev.firebreak.runbooks.model;

import java.time.Duration;
import java.util.Set;

/**
 * Retries of a failed step: at most {@code maxAttempts} attempts in all, waiting {@code backoff} times 2^(attempt-1)
 * between them, only for failures whose {@link dev.firebreak.runbooks.steps.ErrorKind} is in {@code on}.
 */
public record RetryPolicy(int maxAttempts, Duration backoff, Set<String> on) {

    public static final Set<String> DEFAULT_ON = Set.of("transient", "timeout");

    public RetryPolicy {
        on = Set.copyOf(on == null || on.isEmpty() ? DEFAULT_ON : on);
        backoff = backoff == null ? Duration.ofSeconds(5) : backoff;
    }

    public Duration backoffBefore(int nextAttempt) {
        int exp = Math.max(0, Math.min(10, nextAttempt - 2));
        return backoff.multipliedBy(1L << exp);
    }
}
