package dev.firebreak.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.util.http.SlackHttpClient;
import dev.firebreak.system.outbox.OutboxResult;
import dev.firebreak.system.pacing.Priority;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one way the bot calls Slack's Web API (pointed at {@code firebreak.slack.api-url} with the bot token).
 * Every call goes through {@link #call}: it takes a slot of the shared rate budgets first ({@link SlackPacing}: the
 * method's tier, the channel's one post per second, by {@link Priority}; a 429's Retry-After holds them for every
 * replica); without a slot it does not call and answers {@link OutboxResult#waitUntil} (the outbox task waits for
 * the slot, no thread is held, no attempt counted). It maps the answer to an {@link OutboxResult} via
 * {@link SlackOutcomes}, and counts calls ({@code firebreak.slack.calls}) and errors ({@code firebreak.slack.errors}).
 * Calls run from outbox handlers or after a request was acked, never inside a transaction.
 */
@Component
public class SlackApi {

    private static final Logger log = LoggerFactory.getLogger(SlackApi.class);

    /** One Web API call, given the authenticated methods client. */
    @FunctionalInterface
    public interface Call<T> {
        T run(MethodsClient methods) throws IOException, SlackApiException;
    }

    /** The answer (null when the call threw or was not made) and what an outbox handler should do. */
    public record Answer<T extends SlackApiTextResponse>(T response, OutboxResult result) {

        /** The call succeeded, or failed with an error meaning "already so". */
        public boolean done() {
            return result instanceof OutboxResult.Done;
        }

        /** Slack answered ok:true. */
        public boolean ok() {
            return response != null && response.isOk();
        }

        public String error() {
            return response == null ? null : response.getError();
        }
    }

    /** Who the bot is in this workspace ({@code auth.test}). */
    public record Identity(String userId, String botId) {

        /** Whether a message with this author (user id or bot id) was posted by this bot. */
        public boolean authored(String messageUser, String messageBotId) {
            return (userId != null && userId.equals(messageUser)) || (botId != null && botId.equals(messageBotId));
        }
    }

    private final SlackSettings settings;
    private final Slack slack;
    private final SlackPacing pacing;
    private final Clock clock;
    private final MeterRegistry meters;
    private final AtomicReference<Identity> self = new AtomicReference<>();

    SlackApi(SlackSettings settings, SlackHttpSettings http, SlackPacing pacing, Clock clock, MeterRegistry meters) {
        this.settings = settings;
        this.pacing = pacing;
        this.clock = clock;
        this.meters = meters;
        SlackConfig config = new SlackConfig();
        int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, http.timeout().toMillis());
        config.setHttpClientReadTimeoutMillis(timeoutMillis);
        config.setHttpClientWriteTimeoutMillis(timeoutMillis);
        config.setHttpClientCallTimeoutMillis(timeoutMillis);
        String url = settings.apiUrl().endsWith("/") ? settings.apiUrl() : settings.apiUrl() + "/";
        config.setMethodsEndpointUrlPrefix(url);
        config.setPrettyResponseLoggingEnabled(false);
        config.setFailOnUnknownProperties(false);
        // OkHttp would silently send a POST again on a new connection when the first one drops after the
        // request went out; for chat.postMessage that is a second message. Retries are the outbox's job, after
        // checking whether the first call took effect (issue 9, defect 4).
        SlackHttpClient httpClient = new SlackHttpClient(SlackHttpClient.buildOkHttpClient(config)
                .newBuilder()
                .retryOnConnectionFailure(false)
                .build());
        httpClient.setConfig(config);
        this.slack = Slack.getInstance(config, httpClient);
        if (!settings.enabled()) {
            log.info("Slack is off: no firebreak.slack.bot-token (SLACK_BOT_TOKEN) configured");
        }
    }

    public boolean enabled() {
        return settings.enabled();
    }

    /** Runs one Web API call at {@link Priority#NORMAL}; see {@link #call(String, String, Priority, Call)}. */
    public <T extends SlackApiTextResponse> Answer<T> call(String method, String channel, Call<T> call) {
        return call(method, channel, Priority.NORMAL, call);
    }

    /**
     * Runs one Web API call when its rate budgets have a slot for it; otherwise answers, without calling,
     * {@link OutboxResult#waitUntil} the time a slot may be had.
     *
     * @param method   Slack's method name (budgets, metrics, messages)
     * @param channel  the channel a chat.postMessage/chat.update goes to (its per-channel budget), or null
     * @param priority who goes first when the budget is scarce: channel creation and the first card
     *                 {@link Priority#HIGH}, card edits and topic updates {@link Priority#LOW}
     */
    public <T extends SlackApiTextResponse> Answer<T> call(
            String method, String channel, Priority priority, Call<T> call) {
        SlackPacing.Permit permit = pacing.take(method, channel, priority);
        if (!permit.granted()) {
            return new Answer<>(
                    null,
                    OutboxResult.waitUntil(
                            permit.notBefore(),
                            "Slack " + method + ": waiting for a rate budget slot ("
                                    + priority.name().toLowerCase() + ")"));
        }
        Counter.builder("firebreak.slack.calls")
                .tag("method", method)
                .description("Slack Web API calls made, by method")
                .register(meters)
                .increment();
        try {
            T response = call.run(slack.methods(settings.botToken()));
            log.debug("Slack {} answered {}", method, response.isOk() ? "ok" : response.getError());
            if (!response.isOk()) {
                count(method, response.getError());
            }
            return new Answer<>(response, SlackOutcomes.of(method, response));
        } catch (SlackApiException e) {
            int code = e.getResponse().code();
            String error = e.getError() != null && e.getError().getError() != null
                    ? e.getError().getError()
                    : "http_" + code;
            count(method, code == 429 ? "ratelimited" : error);
            OutboxResult result = SlackOutcomes.of(method, e, clock);
            if (code == 429 && result instanceof OutboxResult.Retry r && r.at() != null) {
                pacing.rateLimited(method, channel, r.at());
            }
            return new Answer<>(null, result);
        } catch (IOException e) {
            count(method, e instanceof InterruptedIOException ? "timeout" : "io_error");
            return new Answer<>(null, SlackOutcomes.of(method, e, clock));
        } catch (RuntimeException e) {
            count(method, "client_error");
            return new Answer<>(null, SlackOutcomes.of(method, e, clock));
        } finally {
            pacing.answered(permit);
        }
    }

    /** The bot's identity ({@code auth.test}, cached once known), or empty if Slack did not answer. */
    public Optional<Identity> self() {
        Identity known = self.get();
        if (known == null) {
            Answer<AuthTestResponse> a = call("auth.test", null, m -> m.authTest(r -> r));
            if (a.ok()) {
                known = new Identity(a.response().getUserId(), a.response().getBotId());
                self.set(known);
            }
        }
        return Optional.ofNullable(known);
    }

    /**
     * POSTs bytes to an upload URL Slack handed out ({@code files.getUploadURLExternal}), over the Slack client's
     * own HTTP connection pool and timeouts. Done on 2xx; 429 waits for Retry-After; anything else retries.
     */
    public OutboxResult uploadBytes(String uploadUrl, byte[] bytes, String contentType) {
        String method = "files.upload";
        if (uploadUrl == null || !(uploadUrl.startsWith("https://") || uploadUrl.startsWith("http://"))) {
            count(method, "no_upload_url");
            return OutboxResult.retry("Slack gave no usable upload_url");
        }
        Request post = new Request.Builder()
                .url(uploadUrl)
                .post(RequestBody.create(bytes, MediaType.get(contentType)))
                .build();
        try (Response response =
                slack.getHttpClient().getOkHttpClient().newCall(post).execute()) {
            if (response.isSuccessful()) {
                return OutboxResult.done();
            }
            count(method, response.code() == 429 ? "ratelimited" : "http_" + response.code());
            if (response.code() == 429) {
                return OutboxResult.retryAt(
                        SlackOutcomes.retryAt(response.header("Retry-After"), clock), "Slack file upload: HTTP 429");
            }
            return OutboxResult.retry("Slack file upload: HTTP " + response.code());
        } catch (IOException e) {
            count(method, e instanceof InterruptedIOException ? "timeout" : "io_error");
            return OutboxResult.retry("Slack file upload: " + e.getClass().getSimpleName() + " " + e.getMessage());
        }
    }

    /** Posts a JSON message to an interaction's {@code response_url}; the HTTP status, or -1 if it did not get there. */
    public int respond(String responseUrl, String json) {
        try {
            int code = slack.send(responseUrl, json).getCode();
            if (code >= 300) {
                count("response_url", "http_" + code);
            }
            return code;
        } catch (IOException | RuntimeException e) {
            count("response_url", "io_error");
            log.warn("Could not post to the Slack response_url: {}", e.toString());
            return -1;
        }
    }

    /** The underlying Bolt client, only for building Bolt's App (slash commands, Socket Mode) on the same URL. */
    public Slack boltClient() {
        return slack;
    }

    public SlackSettings settings() {
        return settings;
    }

    private void count(String method, String error) {
        Counter.builder("firebreak.slack.errors")
                .tag("method", method)
                .tag("error", error == null ? "unknown" : error)
                .description("Slack Web API calls that failed, by method and error")
                .register(meters)
                .increment();
    }
}
