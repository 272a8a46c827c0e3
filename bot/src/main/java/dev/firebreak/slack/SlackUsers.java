package dev.firebreak.slack;

import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.methods.response.users.UsersLookupByEmailResponse;
import dev.firebreak.system.outbox.OutboxResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Slack users by email ({@code users.lookupByEmail}, cached for the caller's TTL, misses too, so an unknown
 * email costs one call per TTL) and the email of a Slack user ({@code users.info}), through {@link SlackApi}.
 * Needs the Slack scopes {@code users:read} and {@code users:read.email}.
 */
@Component
public class SlackUsers {

    /** Slack answered with an error other than "no such user", or did not answer; {@link #result()} says what to do. */
    public static final class LookupFailed extends Exception {
        private final transient OutboxResult result;

        LookupFailed(OutboxResult result) {
            super(
                    result instanceof OutboxResult.Retry r
                            ? r.reason()
                            : result instanceof OutboxResult.Failed f ? f.reason() : "Slack lookup failed");
            this.result = result;
        }

        public OutboxResult result() {
            return result;
        }
    }

    private record Cached(Optional<String> userId, Instant expires) {}

    private final SlackApi slack;
    private final Clock clock;
    private final Map<String, Cached> byEmail = new ConcurrentHashMap<>();

    SlackUsers(SlackApi slack, Clock clock) {
        this.slack = slack;
        this.clock = clock;
    }

    public boolean enabled() {
        return slack.enabled();
    }

    /** The Slack user id with this email; empty when there is none (or Slack is off). */
    public Optional<String> idForEmail(String email, Duration cacheFor) throws LookupFailed {
        if (email == null || email.isBlank() || !slack.enabled()) {
            return Optional.empty();
        }
        String key = email.strip().toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        Cached cached = byEmail.get(key);
        if (cached != null && cached.expires().isAfter(now)) {
            return cached.userId();
        }
        SlackApi.Answer<UsersLookupByEmailResponse> answer =
                slack.call("users.lookupByEmail", null, m -> m.usersLookupByEmail(r -> r.email(key)));
        Optional<String> id;
        if (answer.ok() && answer.response().getUser() != null) {
            id = Optional.of(answer.response().getUser().getId());
        } else if ("users_not_found".equals(answer.error())) {
            id = Optional.empty();
        } else {
            throw new LookupFailed(
                    answer.done() ? OutboxResult.retry("Slack users.lookupByEmail: no user") : answer.result());
        }
        byEmail.put(key, new Cached(id, now.plus(cacheFor)));
        return id;
    }

    /** The email of a Slack user; empty when the user does not exist or shows none. */
    public Optional<String> emailOf(String userId) throws LookupFailed {
        SlackApi.Answer<UsersInfoResponse> answer =
                slack.call("users.info", null, m -> m.usersInfo(r -> r.user(userId)));
        UsersInfoResponse response = answer.response();
        if (answer.ok() && response.getUser() != null && response.getUser().getProfile() != null) {
            return Optional.ofNullable(response.getUser().getProfile().getEmail());
        }
        if (answer.ok() || "user_not_found".equals(answer.error())) {
            return Optional.empty();
        }
        throw new LookupFailed(answer.result());
    }
}
