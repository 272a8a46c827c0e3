package dev.firebreak.system.web;

import dev.firebreak.system.lifecycle.GracefulShutdown;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every {@code /webhooks/*} request: {@code firebreak_webhook_requests_seconds{source,status}} (rate, latency
 * histogram, 4xx/5xx), and, once the replica is shutting down and no longer ready, a 503 JSON answer with
 * {@code Retry-After} so the sender delivers it again (to another replica).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20) // before the body filters, which may refuse from the headers alone
class WebhookRequestsFilter extends OncePerRequestFilter {

    static final String PREFIX = "/webhooks/";
    static final Set<String> SOURCES = Set.of("alertmanager", "pagerduty");
    static final String SHUTTING_DOWN_BODY = "{\"status\":503,\"error\":\"shutting_down\","
            + "\"message\":\"This replica is shutting down; retry (another replica will answer)\"}";

    private final GracefulShutdown shutdown;
    private final MeterRegistry registry;

    WebhookRequestsFilter(GracefulShutdown shutdown, MeterRegistry registry) {
        this.shutdown = shutdown;
        this.registry = registry;
        for (String source : SOURCES) {
            timer(source, "200");
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(PREFIX);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String source = request.getRequestURI().substring(PREFIX.length());
        source = SOURCES.contains(source) ? source : "other";
        Timer.Sample sample = Timer.start(registry);
        int status = 500;
        try {
            if (shutdown.draining()) {
                response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                response.setHeader(HttpHeaders.RETRY_AFTER, "5");
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                response.getWriter().write(SHUTTING_DOWN_BODY);
                status = 503;
                return;
            }
            chain.doFilter(request, response);
            status = response.getStatus();
        } finally {
            if (request.isAsyncStarted()) {
                // The body is still arriving (BufferedBodyFilter): count the request when its answer is complete.
                String src = source;
                AsyncCompletion.onComplete(
                        request, () -> sample.stop(timer(src, Integer.toString(response.getStatus()))));
            } else {
                sample.stop(timer(source, Integer.toString(status)));
            }
        }
    }

    private Timer timer(String source, String status) {
        return Timer.builder("firebreak.webhook.requests")
                .tag("source", source)
                .tag("status", status)
                .description("Webhook requests (Alertmanager, PagerDuty) by HTTP status, with latency")
                .publishPercentileHistogram()
                .register(registry);
    }
}
