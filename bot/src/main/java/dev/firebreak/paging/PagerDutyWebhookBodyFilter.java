package dev.firebreak.paging;

import dev.firebreak.system.web.BufferedBodyFilter;
import dev.firebreak.system.web.RefusedRequests;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code /webhooks/pagerduty} behind {@link BufferedBodyFilter}: without a configured secret or without a
 * signature header the request is refused before its body is read; bodies are capped at 1 MB and read
 * without holding a thread.
 */
@Configuration(proxyBeanMethods = false)
class PagerDutyWebhookBodyFilter {

    static final long MAX_BODY = 1024 * 1024;

    @Bean
    FilterRegistrationBean<BufferedBodyFilter> pagerDutyBodyFilter(
            PagerDutySettings settings,
            RefusedRequests refusals,
            @Value("${firebreak.http.body-timeout:30s}") Duration timeout) {
        return BufferedBodyFilter.registration(
                "pagerDutyBodyFilter",
                "/webhooks/pagerduty",
                MAX_BODY,
                timeout,
                request -> {
                    String signature = request.getHeader("X-PagerDuty-Signature");
                    if (settings.webhookSecrets().isEmpty() || signature == null || signature.isBlank()) {
                        return new BufferedBodyFilter.Refusal(
                                401, "unauthorized", "Missing or invalid X-PagerDuty-Signature", "signature", null);
                    }
                    return null;
                },
                refusals);
    }
}
