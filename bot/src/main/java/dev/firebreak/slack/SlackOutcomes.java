package dev.firebreak.slack;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import dev.firebreak.system.outbox.OutboxResult;
import dev.firebreak.system.outbox.OutboxTask;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Turns a Slack Web API answer into an outbox outcome: 429 waits for Retry-After, 5xx and network errors
 * retry with backoff, permanent errors fail (a visible warning on the timeline), and "already done"
 * errors count as success.
 */
public final class SlackOutcomes {

    /** Errors that mean the thing we wanted is already so. */
    public static final Set<String> ALREADY_DONE = Set.of(
            "already_in_channel",
            "already_pinned",
            "already_archived",
            "already_reacted",
            "no_pin",
            "message_not_found_for_update_none");

    /** Errors that retrying will not fix. */
    public static final Set<String> PERMANENT = Set.of(
            "channel_not_found",
            "not_in_channel",
            "invalid_auth",
            "not_authed",
            "account_inactive",
            "token_revoked",
            "missing_scope",
            "is_archived",
            "invalid_blocks",
            "invalid_arguments",
            "msg_too_long",
            "no_permission",
            "restricted_action",
            "user_not_found",
            "users_not_found",
            "cant_invite_self",
            "cant_invite",
            "invalid_name",
            "invalid_name_specials",
            "invalid_name_maxlength",
            "invalid_name_required",
            "invalid_name_punctuation",
            "message_not_found",
            "cant_update_message",
            "not_pinnable",
            "channel_is_archived");

    /** How long a task waits before it looks again for the incident's Slack channel. */
    public static final Duration CHANNEL_WAIT = Duration.ofSeconds(30);

    /** How many looks (about half an hour) before a task gives up on the channel with a visible warning. */
    public static final int MAX_CHANNEL_WAITS = 60;

    private SlackOutcomes() {}

    /**
     * The outcome of a task whose incident has no Slack channel yet: look again in {@link #CHANNEL_WAIT}, and
     * after {@link #MAX_CHANNEL_WAITS} attempts fail with {@code failure}.
     */
    public static OutboxResult awaitChannel(OutboxTask task, Clock clock, String failure) {
        return task.getAttempts() >= MAX_CHANNEL_WAITS
                ? OutboxResult.failed(failure)
                : OutboxResult.retryAt(clock.instant().plus(CHANNEL_WAIT), "waiting for the incident's Slack channel");
    }

    /** Outcome of an answered call. */
    public static OutboxResult of(String method, SlackApiTextResponse response) {
        if (response.isOk() || ALREADY_DONE.contains(response.getError())) {
            return OutboxResult.done();
        }
        String error = response.getError();
        if (PERMANENT.contains(error)) {
            return OutboxResult.failed("Slack " + method + ": " + error);
        }
        if ("ratelimited".equals(error)) {
            return OutboxResult.retry("Slack " + method + ": ratelimited");
        }
        // Unknown errors (internal_error, fatal_error, service_unavailable, request_timeout ...) retry.
        return OutboxResult.retry("Slack " + method + ": " + error);
    }

    /** Outcome of a call that threw: HTTP 429 with Retry-After, 5xx, timeouts and connection errors. */
    public static OutboxResult of(String method, Exception e, Clock clock) {
        if (e instanceof SlackApiException api) {
            int code = api.getResponse().code();
            if (code == 429) {
                return OutboxResult.retryAt(
                        retryAt(api.getResponse().header("Retry-After"), clock), "Slack " + method + ": HTTP 429");
            }
            if (api.getError() != null && api.getError().getError() != null) {
                String error = api.getError().getError();
                if (ALREADY_DONE.contains(error)) {
                    return OutboxResult.done();
                }
                if (PERMANENT.contains(error)) {
                    return OutboxResult.failed("Slack " + method + ": " + error);
                }
            }
            return OutboxResult.retry("Slack " + method + ": HTTP " + code);
        }
        if (e instanceof IOException) {
            return OutboxResult.retry("Slack " + method + ": " + e.getClass().getSimpleName() + " " + e.getMessage());
        }
        return OutboxResult.retry("Slack " + method + ": " + e);
    }

    /** The Retry-After of a 429 in seconds (at least 1; 30 when Slack sent none or nonsense). The one parser. */
    public static long retryAfterSeconds(String header) {
        if (header == null || !header.trim().matches("\\d{1,9}")) {
            return 30;
        }
        return Math.max(1, Long.parseLong(header.trim()));
    }

    public static Instant retryAt(String retryAfterHeader, Clock clock) {
        return clock.instant().plusSeconds(retryAfterSeconds(retryAfterHeader));
    }
}
