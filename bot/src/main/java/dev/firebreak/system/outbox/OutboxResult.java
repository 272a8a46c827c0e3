package dev.firebreak.system.outbox;

import java.time.Instant;

/** What a handler says about one attempt. */
public sealed interface OutboxResult {

    static OutboxResult done() {
        return Done.INSTANCE;
    }

    /** Try again no earlier than {@code at} (e.g. Slack's Retry-After). */
    static OutboxResult retryAt(Instant at, String reason) {
        return new Retry(at, reason);
    }

    /**
     * Nothing went wrong, the task must only wait (a rate budget has no slot until {@code at}, card edits are being
     * coalesced): rescheduled for {@code at} without counting an attempt, so waiting never makes a task dead.
     */
    static OutboxResult waitUntil(Instant at, String reason) {
        return new Retry(at, reason, true);
    }

    /** Try again after the worker's exponential backoff. */
    static OutboxResult retry(String reason) {
        return new Retry(null, reason);
    }

    /** Give up: the failure is permanent. Publishes {@link OutboxTaskFailed}, which the timeline shows. */
    static OutboxResult failed(String reason) {
        return new Failed(reason);
    }

    record Done() implements OutboxResult {
        static final Done INSTANCE = new Done();
    }

    /** @param paced a wait ({@link #waitUntil}), not a failed attempt */
    record Retry(Instant at, String reason, boolean paced) implements OutboxResult {

        public Retry(Instant at, String reason) {
            this(at, reason, false);
        }
    }

    record Failed(String reason) implements OutboxResult {}
}
