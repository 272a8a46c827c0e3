package dev.firebreak.system.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Wires the API token: the configured {@code firebreak.api.token}, or a generated one that is logged once at
 * start-up (like Spring Security's generated password) so a first-time user can call the API. The filter
 * covers {@code /api/*} only; actuator, {@code /webhooks/**} and {@code /slack/**} have their own auth.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ApiSecurityConfiguration.class);

    @Bean
    ApiToken apiToken(ApiSettings settings) {
        ApiToken token = ApiToken.configuredOrGenerated(settings.token());
        if (token.generated()) {
            log.warn(
                    "\n\nUsing generated API token: {}\n\nSet firebreak.api.token (FIREBREAK_API_TOKEN) to choose "
                            + "your own; this one changes at every restart and differs between replicas.\n",
                    token.value());
        }
        return token;
    }

    @Bean
    FilterRegistrationBean<ApiTokenFilter> apiTokenFilter(ApiToken token, ApiSettings settings, MeterRegistry meters) {
        Counter rejected = Counter.builder("firebreak.api.rejected")
                .description("API requests refused for a missing or wrong bearer token")
                .register(meters);
        FilterRegistrationBean<ApiTokenFilter> registration =
                new FilterRegistrationBean<>(new ApiTokenFilter(token, settings.tokenName(), rejected::increment));
        registration.addUrlPatterns("/api/*");
        registration.setName("apiTokenFilter");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
