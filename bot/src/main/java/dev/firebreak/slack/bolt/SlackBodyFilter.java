package dev.firebreak.slack.bolt;

import dev.firebreak.slack.SlackSettings;
import dev.firebreak.system.web.BufferedBodyFilter;
import dev.firebreak.system.web.RefusedRequests;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * {@code /slack/events} behind {@link BufferedBodyFilter}: a request without signature headers, or with a
 * timestamp outside the 5-minute window, is refused before its body is read; the body (at most 1 MB) is read
 * without holding a thread. The signature itself is checked by {@link SlackEventsController}.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SlackEnabled.class)
class SlackBodyFilter {

    @Bean
    FilterRegistrationBean<BufferedBodyFilter> slackBodyFilterRegistration(
            SlackSettings settings,
            Clock clock,
            RefusedRequests refusals,
            MeterRegistry meters,
            @Value("${firebreak.http.body-timeout:30s}") Duration timeout) {
        SlackSignatureVerifier verifier = new SlackSignatureVerifier(settings.signingSecret(), clock);
        return BufferedBodyFilter.registration(
                "slackBodyFilter",
                "/slack/events",
                SlackEventsController.MAX_BODY,
                timeout,
                request -> {
                    SlackSignatureVerifier.Outcome outcome = verifier.checkHeaders(
                            request.getHeader("X-Slack-Request-Timestamp"), request.getHeader("X-Slack-Signature"));
                    if (outcome == SlackSignatureVerifier.Outcome.OK) {
                        return null;
                    }
                    meters.counter(
                                    "firebreak.slack.requests",
                                    "outcome",
                                    outcome.name().toLowerCase(java.util.Locale.ROOT))
                            .increment();
                    return new BufferedBodyFilter.Refusal(
                            401,
                            "unauthorized",
                            "Slack request signature is missing, invalid, expired or replayed",
                            outcome.name().toLowerCase(java.util.Locale.ROOT),
                            null);
                },
                refusals);
    }
}
