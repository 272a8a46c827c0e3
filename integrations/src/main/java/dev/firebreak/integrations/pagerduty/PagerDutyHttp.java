package dev.firebreak.integrations.pagerduty;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.okhttp3.OkHttpMetricsEventListener;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends one logical request with retries: 429 (waits {@code ratelimit-reset}/{@code Retry-After} or backs off), 5xx
 * and network failures (backoff with jitter) up to {@code maxRetries}; other statuses fail at once. Never logs or
 * reports credentials: every message is scrubbed of the API token and the routing keys it was given.
 */
final class PagerDutyHttp {

    static final String METRIC_NAME = "firebreak.pagerduty.requests";
    static final String REST_ACCEPT = "application/vnd.pagerduty+json;version=2";
    private static final MediaType JSON = MediaType.get("application/json");
    private static final String USER_AGENT = "firebreak-pagerduty-client";
    private static final Logger log = LoggerFactory.getLogger(PagerDutyHttp.class);

    private final PagerDutyConfig config;
    private final OkHttpClient http;
    private final JsonMapper json;
    private final RetryTiming timing;

    PagerDutyHttp(PagerDutyConfig config, OkHttpClient base, JsonMapper json) {
        this.config = config;
        this.json = json;
        this.timing = new RetryTiming(config);
        OkHttpClient.Builder builder = base.newBuilder()
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .callTimeout(config.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .retryOnConnectionFailure(false);
        if (config.meterRegistry() != null) {
            builder.eventListener(OkHttpMetricsEventListener.builder(config.meterRegistry(), METRIC_NAME)
                    .uriMapper(PagerDutyHttp::uriTemplate)
                    .tags(Tags.of("client", "pagerduty"))
                    .build());
        }
        this.http = builder.build();
    }

    OkHttpClient okHttp() {
        return http;
    }

    static String uriTemplate(Request request) {
        PathTemplate template = request.tag(PathTemplate.class);
        return template == null ? "none" : template.value();
    }

    /** A REST call; {@code body} null for GET. {@code write} adds the {@code From} header. */
    JsonNode rest(String method, PathTemplate template, HttpUrl url, Object body, boolean write) {
        if (!config.hasApiToken()) {
            throw new PagerDutyException(0, null, "PagerDuty REST API token is not configured", false, null);
        }
        Request.Builder request = new Request.Builder()
                .url(url)
                .tag(PathTemplate.class, template)
                .header("Authorization", "Token token=" + config.apiToken())
                .header("Accept", REST_ACCEPT)
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT);
        if (write) {
            if (config.fromEmail() == null || config.fromEmail().isBlank()) {
                throw new PagerDutyException(0, null, "PagerDuty From email is not configured", false, null);
            }
            request.header("From", config.fromEmail());
        }
        request.method(method, body == null ? null : RequestBody.create(json.writeValueAsBytes(body), JSON));
        return execute(method, template, request.build(), List.of());
    }

    /** An Events API v2 call; the routing key in the body is a secret to scrub from messages. */
    JsonNode event(Object body, String routingKey) {
        HttpUrl url = HttpUrl.get(config.eventsBaseUrl() + PathTemplate.ENQUEUE.value());
        Request request = new Request.Builder()
                .url(url)
                .tag(PathTemplate.class, PathTemplate.ENQUEUE)
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT)
                .post(RequestBody.create(json.writeValueAsBytes(body), JSON))
                .build();
        return execute("POST", PathTemplate.ENQUEUE, request, List.of(routingKey));
    }

    HttpUrl.Builder restUrl(String path) {
        return HttpUrl.get(config.restBaseUrl() + path).newBuilder();
    }

    private JsonNode execute(String method, PathTemplate template, Request request, List<String> secrets) {
        String what = method + " " + template;
        int attempt = 0;
        while (true) {
            Failure failure;
            try (Response response = http.newCall(request).execute()) {
                String text = readBody(response.body());
                int status = response.code();
                log.debug("PagerDuty {} answered {}", what, status);
                if (status >= 200 && status < 300) {
                    return parse(text, what);
                }
                ErrorBody error = ErrorBody.parse(json, text);
                String message = scrub(what + " answered " + status + error.describe(), secrets);
                if (status == 429) {
                    Duration told = timing.serverWait(response);
                    failure = new Failure(new PagerDutyException(status, error.code(), message, true, told), told);
                } else if (status >= 500 || status == 408) {
                    Duration told = status == 503 ? timing.serverWait(response) : null;
                    failure = new Failure(new PagerDutyException(status, error.code(), message, true, told), told);
                } else {
                    throw new PagerDutyException(status, error.code(), message, false, null);
                }
            } catch (InterruptedIOException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw interrupted(what, e);
                }
                failure = networkFailure(what, e, secrets);
            } catch (IOException e) {
                failure = networkFailure(what, e, secrets);
            }
            if (attempt >= config.maxRetries()) {
                throw failure.withRetryAfter(timing.backoff(attempt));
            }
            Duration wait = failure.serverWait() != null ? failure.serverWait() : timing.backoff(attempt);
            if (wait.compareTo(config.maxBackoff()) > 0) {
                // PagerDuty asks for a longer pause than we may block a caller: give up now with its hint.
                throw failure.exception();
            }
            log.info(
                    "PagerDuty {} failed ({}), retry {} of {} in {} ms",
                    what,
                    failure.exception().getMessage(),
                    attempt + 1,
                    config.maxRetries(),
                    wait.toMillis());
            try {
                config.sleeper().sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw interrupted(what, e);
            }
            attempt++;
        }
    }

    private Failure networkFailure(String what, IOException e, List<String> secrets) {
        String reason = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        // The cause carries no credentials (they live in headers and bodies, never in OkHttp's messages).
        return new Failure(
                new PagerDutyException(0, null, scrub(what + " failed: " + reason, secrets), true, null, e), null);
    }

    private static PagerDutyException interrupted(String what, Exception cause) {
        return new PagerDutyException(0, null, what + " interrupted", true, null, cause);
    }

    private JsonNode parse(String text, String what) {
        if (text == null || text.isBlank()) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(text);
        } catch (JacksonException e) {
            throw new PagerDutyException(0, null, what + " answered with a body that is not JSON", false, null);
        }
    }

    private static String readBody(ResponseBody body) throws IOException {
        return body == null ? "" : body.string();
    }

    private String scrub(String message, List<String> secrets) {
        List<String> all = new ArrayList<>(secrets);
        if (config.hasApiToken()) {
            all.add(config.apiToken());
        }
        String result = message;
        for (String secret : all) {
            if (secret != null && secret.length() >= 4) {
                result = result.replace(secret, "<redacted>");
            }
        }
        return result;
    }

    private record Failure(PagerDutyException exception, Duration serverWait) {

        PagerDutyException withRetryAfter(Duration fallback) {
            if (exception.retryAfter().isPresent()) {
                return exception;
            }
            return new PagerDutyException(
                    exception.status(),
                    exception.errorCode().orElse(null),
                    exception.getMessage(),
                    true,
                    fallback,
                    exception.getCause());
        }
    }
}
