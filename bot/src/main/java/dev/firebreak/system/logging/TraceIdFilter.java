package dev.firebreak.system.logging;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every HTTP request a trace id (from {@code traceparent} / {@code X-Request-Id}, or a new one) in the
 * MDC for its log lines, answers it in {@code X-Trace-Id}, and lets {@code Outbox} store it on the tasks the
 * request enqueues, so the Slack/PagerDuty calls made later log the same id.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class TraceIdFilter extends OncePerRequestFilter {

    static final String RESPONSE_HEADER = "X-Trace-Id";
    static final String ATTRIBUTE = TraceIdFilter.class.getName() + ".traceId";

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // A request whose body is read without a thread (BufferedBodyFilter) runs its controller on an ASYNC
        // dispatch, on another thread: it keeps the trace id it was given on the first pass.
        String traceId = request.getAttribute(ATTRIBUTE) instanceof String kept
                ? kept
                : TraceContext.fromHeaders(request.getHeader("traceparent"), request.getHeader("X-Request-Id"));
        request.setAttribute(ATTRIBUTE, traceId);
        MDC.put(TraceContext.TRACE_ID, traceId);
        if (!response.isCommitted()) {
            response.setHeader(RESPONSE_HEADER, traceId);
        }
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(TraceContext.TRACE_ID);
            MDC.remove(TraceContext.INCIDENT);
        }
    }
}
