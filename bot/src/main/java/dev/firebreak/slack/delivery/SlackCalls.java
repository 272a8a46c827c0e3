package dev.firebreak.slack.delivery;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.auth.AuthTestResponse;
import dev.firebreak.slack.SlackApi;
import dev.firebreak.slack.SlackOutcomes;
import dev.firebreak.system.outbox.OutboxResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * Runs one Slack Web API call for an outbox handler: honours the in-memory rate-limit gate (after a 429,
 * other tasks for the same method, or the same channel for chat.*, wait without calling), maps the answer to
 * an {@link OutboxResult} via {@link SlackOutcomes} and counts errors in {@code firebreak.slack.errors}.
 */
@Component
class SlackCalls {

    @FunctionalInterface
    interface Call<T> {
        T run(MethodsClient methods) throws IOException, SlackApiException;
    }

    /** The answer (null when the call threw or was not made) and what the outbox should do. */
    record Answer<T extends SlackApiTextResponse>(T response, OutboxResult result) {

        /** The call succeeded, or failed with an error meaning "already so". */
        boolean done() {
            return result instanceof OutboxResult.Done;
        }

        /** Slack answered ok:true. */
        boolean ok() {
            return response != null && response.isOk();
        }

        String error() {
            return response == null ? null : response.getError();
        }
    }

    private final SlackApi api;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Map<String, Instant> notBefore = new ConcurrentHashMap<>();
    private final AtomicReference<String> botUserId = new AtomicReference<>();

    SlackCalls(SlackApi api, Clock clock, MeterRegistry meters) {
        this.api = api;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * @param channel the channel the call posts to (gates chat.* per channel), or null
     */
    <T extends SlackApiTextResponse> Answer<T> call(String method, String channel, Call<T> call) {
        String key = gateKey(method, channel);
        Instant now = clock.instant();
        Instant wait = notBefore.get(key);
        if (wait != null && wait.isAfter(now)) {
            return new Answer<>(null, OutboxResult.retryAt(wait, "Slack " + method + ": rate limited until " + wait));
        }
        try {
            T response = call.run(api.methods());
            if (!response.isOk()) {
                count(method, response.getError());
            }
            return new Answer<>(response, SlackOutcomes.of(method, response));
        } catch (SlackApiException e) {
            int code = e.getResponse().code();
            String error = e.getError() != null && e.getError().getError() != null ? e.getError().getError() : "http_" + code;
            count(method, code == 429 ? "ratelimited" : error);
            if (code == 429) {
                notBefore.merge(key, SlackOutcomes.retryAt(e, clock), (a, b) -> a.isAfter(b) ? a : b);
            }
            return new Answer<>(null, SlackOutcomes.of(method, e, clock));
        } catch (IOException e) {
            count(method, e instanceof InterruptedIOException ? "timeout" : "io_error");
            return new Answer<>(null, SlackOutcomes.of(method, e, clock));
        } catch (RuntimeException e) {
            count(method, "client_error");
            return new Answer<>(null, SlackOutcomes.of(method, e, clock));
        }
    }

    /** The bot's own user id (auth.test, cached), or null if Slack did not answer. */
    String botUserId() {
        String id = botUserId.get();
        if (id == null) {
            Answer<AuthTestResponse> a = call("auth.test", null, m -> m.authTest(r -> r));
            if (a.ok()) {
                id = a.response().getUserId();
                botUserId.set(id);
            }
        }
        return id;
    }

    private static String gateKey(String method, String channel) {
        return channel != null && method.startsWith("chat.") ? method + "@" + channel : method;
    }

    private void count(String method, String error) {
        Counter.builder("firebreak.slack.errors").tag("method", method).tag("error", error == null ? "unknown" : error)
                .description("Slack Web API calls that failed, by method and error").register(meters).increment();
    }
}
