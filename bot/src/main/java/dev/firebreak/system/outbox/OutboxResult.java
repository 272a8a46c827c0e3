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

    record Retry(Instant at, String reason) implements OutboxResult {
    }

    record Failed(String reason) implements OutboxResult {
    }
}
