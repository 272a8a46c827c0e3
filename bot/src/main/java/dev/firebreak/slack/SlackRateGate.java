package dev.firebreak.slack;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where {@link SlackApi} asks before a call whether it may go now, and reports Slack's 429s. The default is
 * this process's memory (per method, and per channel for {@code chat.*}); a pacing layer shared across
 * replicas (per-method and per-channel budgets) replaces the bean without touching any caller.
 */
public interface SlackRateGate {

    /** When a call of {@code method} (into {@code channel}, or null) may go; empty means now. */
    Optional<Instant> notBefore(String method, String channel, Instant now);

    /** Slack answered 429 for this call: hold further calls until {@code until}. */
    void rateLimited(String method, String channel, Instant until);

    /** The gate key: chat.* calls are limited per channel by Slack, everything else per method. */
    static String key(String method, String channel) {
        return channel != null && method.startsWith("chat.") ? method + "@" + channel : method;
    }

    /** The in-memory gate of one process. */
    final class InMemory implements SlackRateGate {

        private final Map<String, Instant> until = new ConcurrentHashMap<>();

        @Override
        public Optional<Instant> notBefore(String method, String channel, Instant now) {
            Instant wait = until.get(key(method, channel));
            return wait != null && wait.isAfter(now) ? Optional.of(wait) : Optional.empty();
        }

        @Override
        public void rateLimited(String method, String channel, Instant at) {
            until.merge(key(method, channel), at, (a, b) -> a.isAfter(b) ? a : b);
        }
    }
}
