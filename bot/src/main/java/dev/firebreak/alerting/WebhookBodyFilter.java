package dev.firebreak.alerting;

import dev.firebreak.system.web.BufferedBodyFilter;
import dev.firebreak.system.web.RefusedRequests;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;

/**
 * {@code /webhooks/alertmanager} behind {@link BufferedBodyFilter}: wrong credentials (401) and a body that is
 * not JSON (415) are refused from the headers, before any body byte is read; the body is then read without
 * holding a thread, within {@code firebreak.http.body-timeout}.
 */
@Configuration(proxyBeanMethods = false)
class WebhookBodyFilter {

    @Bean
    FilterRegistrationBean<BufferedBodyFilter> alertmanagerBodyFilter(
            WebhookCredentials credentials,
            AlertmanagerSettings settings,
            IntakeMetrics metrics,
            RefusedRequests refusals,
            @Value("${firebreak.http.body-timeout:30s}") Duration timeout) {
        return BufferedBodyFilter.registration(
                "alertmanagerBodyFilter",
                "/webhooks/alertmanager",
                settings.maxBodyBytes().toBytes(),
                timeout,
                request -> {
                    if (!credentials.accepts(request.getHeader(HttpHeaders.AUTHORIZATION))) {
                        metrics.received();
                        metrics.rejected("auth");
                        return new BufferedBodyFilter.Refusal(
                                401,
                                "unauthorized",
                                "Missing or wrong Authorization for the Alertmanager webhook",
                                "auth",
                                "Bearer realm=\"firebreak\"");
                    }
                    if (!AlertmanagerWebhook.isJson(request.getContentType())) {
                        metrics.received();
                        metrics.rejected("media_type");
                        return new BufferedBodyFilter.Refusal(
                                415,
                                "unsupported_media_type",
                                "Content-Type must be application/json",
                                "media_type",
                                null);
                    }
                    return null;
                },
                refusals);
    }
}
