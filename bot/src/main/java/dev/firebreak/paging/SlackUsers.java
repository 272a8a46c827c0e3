package dev.firebreak.paging;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.methods.response.users.UsersLookupByEmailResponse;
import dev.firebreak.slack.SlackApi;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * PagerDuty user email -> Slack user id ({@code users.lookupByEmail}), cached for
 * {@code firebreak.pagerduty.on-call-cache-ttl} (misses too, so an unknown email costs one call per TTL), and
 * Slack user id -> email ({@code users.info}). Needs the Slack scopes {@code users:read} and {@code users:read.email}.
 */
@Component
class SlackUsers {

    /** Thrown when Slack answered with an error other than "no such user". */
    static final class SlackLookupException extends Exception {
        SlackLookupException(String message) {
            super(message);
        }
    }

    private record Cached(Optional<String> userId, Instant expires) {
    }

    private final SlackApi slack;
    private final PagerDutySettings settings;
    private final Clock clock;
    private final Map<String, Cached> byEmail = new ConcurrentHashMap<>();

    SlackUsers(SlackApi slack, PagerDutySettings settings, Clock clock) {
        this.slack = slack;
        this.settings = settings;
        this.clock = clock;
    }

    boolean enabled() {
        return slack.enabled();
    }

    Optional<String> idForEmail(String email) throws IOException, SlackApiException, SlackLookupException {
        if (email == null || email.isBlank() || !slack.enabled()) {
            return Optional.empty();
        }
        String key = email.strip().toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        Cached cached = byEmail.get(key);
        if (cached != null && cached.expires().isAfter(now)) {
            return cached.userId();
        }
        UsersLookupByEmailResponse response = slack.methods().usersLookupByEmail(r -> r.email(key));
        Optional<String> id;
        if (response.isOk() && response.getUser() != null) {
            id = Optional.of(response.getUser().getId());
        } else if ("users_not_found".equals(response.getError())) {
            id = Optional.empty();
        } else {
            throw new SlackLookupException("Slack users.lookupByEmail: " + response.getError());
        }
        byEmail.put(key, new Cached(id, now.plus(settings.onCallCacheTtl())));
        return id;
    }

    Optional<String> emailOf(String userId) throws IOException, SlackApiException, SlackLookupException {
        UsersInfoResponse response = slack.methods().usersInfo(r -> r.user(userId));
        if (response.isOk() && response.getUser() != null && response.getUser().getProfile() != null) {
            return Optional.ofNullable(response.getUser().getProfile().getEmail());
        }
        if (response.isOk() || "user_not_found".equals(response.getError())) {
            return Optional.empty();
        }
        throw new SlackLookupException("Slack users.info: " + response.getError());
    }
}
