package dev.firebreak.integrations.pagerduty;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Immutable settings of a {@link PagerDutyClient}. {@code apiToken} and {@code fromEmail} are needed only for the
 * REST API; the Events API authenticates with the routing key of each event. {@link #toString()} redacts the token.
 *
 * @param apiToken       REST API token (sent as {@code Authorization: Token token=...})
 * @param fromEmail      email of a PagerDuty user, sent as {@code From} on REST writes
 * @param restBaseUrl    default {@code https://api.pagerduty.com}
 * @param eventsBaseUrl  default {@code https://events.pagerduty.com}
 * @param connectTimeout TCP connect timeout
 * @param readTimeout    socket read timeout
 * @param callTimeout    whole-call timeout of one HTTP attempt
 * @param maxRetries     retries within one client call after the first attempt (429, 5xx, network errors)
 * @param initialBackoff first backoff (doubles per retry, with jitter)
 * @param maxBackoff     cap of any single wait (backoff or rate-limit reset)
 * @param clock          time source
 * @param meterRegistry  optional (null): records {@code firebreak.pagerduty.requests}
 * @param sleeper        how the client waits between retries
 */
public record PagerDutyConfig(
        String apiToken,
        String fromEmail,
        String restBaseUrl,
        String eventsBaseUrl,
        Duration connectTimeout,
        Duration readTimeout,
        Duration callTimeout,
        int maxRetries,
        Duration initialBackoff,
        Duration maxBackoff,
        Clock clock,
        MeterRegistry meterRegistry,
        Sleeper sleeper) {

    public static final String DEFAULT_REST_BASE_URL = "https://api.pagerduty.com";
    public static final String DEFAULT_EVENTS_BASE_URL = "https://events.pagerduty.com";

    public PagerDutyConfig {
        restBaseUrl = stripSlash(restBaseUrl == null || restBaseUrl.isBlank() ? DEFAULT_REST_BASE_URL : restBaseUrl);
        eventsBaseUrl =
                stripSlash(eventsBaseUrl == null || eventsBaseUrl.isBlank() ? DEFAULT_EVENTS_BASE_URL : eventsBaseUrl);
        connectTimeout = positive(connectTimeout, Duration.ofSeconds(5));
        readTimeout = positive(readTimeout, Duration.ofSeconds(10));
        callTimeout = positive(callTimeout, Duration.ofSeconds(20));
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0");
        }
        initialBackoff = positive(initialBackoff, Duration.ofMillis(500));
        maxBackoff = positive(maxBackoff, Duration.ofSeconds(30));
        clock = clock == null ? Clock.systemUTC() : clock;
        sleeper = sleeper == null ? Sleeper.system() : sleeper;
    }

    /** Defaults for everything but the credentials. */
    public static PagerDutyConfig of(String apiToken, String fromEmail) {
        return new PagerDutyConfig(apiToken, fromEmail, null, null, null, null, null, 3, null, null, null, null, null);
    }

    public PagerDutyConfig withBaseUrls(String restBaseUrl, String eventsBaseUrl) {
        return new PagerDutyConfig(
                apiToken,
                fromEmail,
                restBaseUrl,
                eventsBaseUrl,
                connectTimeout,
                readTimeout,
                callTimeout,
                maxRetries,
                initialBackoff,
                maxBackoff,
                clock,
                meterRegistry,
                sleeper);
    }

    public PagerDutyConfig withTimeouts(Duration connectTimeout, Duration readTimeout, Duration callTimeout) {
        return new PagerDutyConfig(
                apiToken,
                fromEmail,
                restBaseUrl,
                eventsBaseUrl,
                connectTimeout,
                readTimeout,
                callTimeout,
                maxRetries,
                initialBackoff,
                maxBackoff,
                clock,
                meterRegistry,
                sleeper);
    }

    public PagerDutyConfig withRetries(int maxRetries, Duration initialBackoff, Duration maxBackoff) {
        return new PagerDutyConfig(
                apiToken,
                fromEmail,
                restBaseUrl,
                eventsBaseUrl,
                connectTimeout,
                readTimeout,
                callTimeout,
                maxRetries,
                initialBackoff,
                maxBackoff,
                clock,
                meterRegistry,
                sleeper);
    }

    public PagerDutyConfig withClock(Clock clock) {
        return new PagerDutyConfig(
                apiToken,
                fromEmail,
                restBaseUrl,
                eventsBaseUrl,
                connectTimeout,
                readTimeout,
                callTimeout,
                maxRetries,
                initialBackoff,
                maxBackoff,
                clock,
                meterRegistry,
                sleeper);
    }

    public PagerDutyConfig withMeterRegistry(MeterRegistry meterRegistry) {
        return new PagerDutyConfig(
                apiToken,
                fromEmail,
                restBaseUrl,
                eventsBaseUrl,
                connectTimeout,
                readTimeout,
                callTimeout,
                maxRetries,
                initialBackoff,
                maxBackoff,
                clock,
                meterRegistry,
                sleeper);
    }

    public PagerDutyConfig withSleeper(Sleeper sleeper) {
        return new PagerDutyConfig(
                apiToken,
                fromEmail,
                restBaseUrl,
                eventsBaseUrl,
                connectTimeout,
                readTimeout,
                callTimeout,
                maxRetries,
                initialBackoff,
                maxBackoff,
                clock,
                meterRegistry,
                sleeper);
    }

    public boolean hasApiToken() {
        return apiToken != null && !apiToken.isBlank();
    }

    @Override
    public String toString() {
        return "PagerDutyConfig[apiToken=" + (hasApiToken() ? "<redacted>" : "<none>")
                + ", fromEmail=" + fromEmail
                + ", restBaseUrl=" + restBaseUrl
                + ", eventsBaseUrl=" + eventsBaseUrl
                + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout
                + ", callTimeout=" + callTimeout
                + ", maxRetries=" + maxRetries
                + ", initialBackoff=" + initialBackoff
                + ", maxBackoff=" + maxBackoff
                + ", clock=" + clock
                + ", meterRegistry="
                + (meterRegistry == null ? "none" : meterRegistry.getClass().getSimpleName())
                + "]";
    }

    private static String stripSlash(String url) {
        String trimmed = Objects.requireNonNull(url).trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    private static Duration positive(Duration value, Duration fallback) {
        return value == null || value.isNegative() || value.isZero() ? fallback : value;
    }
}
