package dev.firebreak.system.web;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;

/**
 * Reads the body of a public endpoint (webhooks, Slack) without holding a worker thread while it arrives, then
 * hands the request on with the body in memory. Against slow clients (issue 9, defect 3: 250 connections
 * sending a byte every 2 s tied up every Tomcat thread and health timed out):
 * <ol>
 *   <li>{@code precheck} refuses what can be refused from the headers alone (credentials, signature headers,
 *       content type) before a single body byte is read; the connection is closed, nothing is swallowed;</li>
 *   <li>the body is read with Servlet non-blocking IO (no thread waits for bytes), at most {@code maxBytes}
 *       (413 beyond), within {@code timeout} from the first byte of the request (408 after, connection closed);</li>
 *   <li>only then does the request reach the controller, on a container thread, with the whole body in memory.</li>
 * </ol>
 */
public class BufferedBodyFilter implements Filter {

    static final String BODY = BufferedBodyFilter.class.getName() + ".body";

    /** Filter order of every body filter. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 30;

    /** The body this filter read for the request (null before it is complete, or when it refused the request). */
    public static byte[] bufferedBody(ServletRequest request) {
        return request.getAttribute(BODY) instanceof byte[] bytes ? bytes : null;
    }

    /** A refusal from the precheck: answered with this status and JSON error, then the connection closes. */
    public record Refusal(int status, String code, String message, String reason, String wwwAuthenticate) {}

    private final String endpoint;
    private final long maxBytes;
    private final Duration timeout;
    private final Function<HttpServletRequest, Refusal> precheck;
    private final RefusedRequests refusals;

    /**
     * The filter registered on its endpoint, as every public endpoint takes it: on REQUEST and ASYNC dispatch,
     * async supported, at {@link #ORDER} (inside the flight recorder, outside Spring Security).
     */
    public static FilterRegistrationBean<BufferedBodyFilter> registration(
            String name,
            String endpoint,
            long maxBytes,
            Duration timeout,
            Function<HttpServletRequest, Refusal> precheck,
            RefusedRequests refusals) {
        FilterRegistrationBean<BufferedBodyFilter> registration =
                new FilterRegistrationBean<>(new BufferedBodyFilter(endpoint, maxBytes, timeout, precheck, refusals));
        registration.addUrlPatterns(endpoint);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
        registration.setAsyncSupported(true);
        registration.setName(name);
        registration.setOrder(ORDER);
        return registration;
    }

    public BufferedBodyFilter(
            String endpoint,
            long maxBytes,
            Duration timeout,
            Function<HttpServletRequest, Refusal> precheck,
            RefusedRequests refusals) {
        this.endpoint = endpoint;
        this.maxBytes = maxBytes;
        this.timeout = timeout;
        this.precheck = precheck;
        this.refusals = refusals;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        if (request.getDispatcherType() == DispatcherType.ASYNC) {
            Object body = request.getAttribute(BODY);
            chain.doFilter(body instanceof byte[] bytes ? new BufferedRequest(request, bytes) : request, response);
            return;
        }
        if (request.getDispatcherType() != DispatcherType.REQUEST || !"POST".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        Refusal refusal = precheck.apply(request);
        if (refusal != null) {
            refuse(request, response, refusal);
            return;
        }
        if (request.getContentLengthLong() > maxBytes) {
            refuse(request, response, tooLarge());
            return;
        }
        if (!request.isAsyncSupported()) {
            chain.doFilter(request, response);
            return;
        }
        AsyncContext async = request.startAsync();
        async.setTimeout(timeout.toMillis());
        BodyReader reader = new BodyReader(async, request.getInputStream());
        async.addListener(reader);
        request.getInputStream().setReadListener(reader);
    }

    private Refusal tooLarge() {
        return new Refusal(413, "too_large", "Body is larger than " + maxBytes + " bytes", "too_large", null);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, Refusal r) throws IOException {
        refusals.refused(endpoint, r.reason(), request.getRemoteAddr());
        write(response, r);
    }

    private static void write(HttpServletResponse response, Refusal r) throws IOException {
        response.setStatus(r.status());
        // The rest of the body is not read: close the connection instead of swallowing it.
        response.setHeader("Connection", "close");
        if (r.wwwAuthenticate() != null) {
            response.setHeader("WWW-Authenticate", r.wwwAuthenticate());
        }
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter()
                .write("{\"status\":" + r.status() + ",\"error\":\"" + r.code() + "\",\"message\":\""
                        + r.message().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
        response.flushBuffer();
    }

    /** Collects the body as it arrives; dispatches the request once it is complete. */
    private final class BodyReader implements ReadListener, AsyncListener {

        private final AsyncContext async;
        private final ServletInputStream in;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final byte[] buffer = new byte[16 * 1024];
        private final AtomicBoolean finished = new AtomicBoolean();

        BodyReader(AsyncContext async, ServletInputStream in) {
            this.async = async;
            this.in = in;
        }

        @Override
        public void onDataAvailable() throws IOException {
            while (in.isReady() && !in.isFinished()) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                body.write(buffer, 0, n);
                if (body.size() > maxBytes) {
                    end(tooLarge());
                    return;
                }
            }
        }

        @Override
        public void onAllDataRead() {
            if (finished.compareAndSet(false, true)) {
                async.getRequest().setAttribute(BODY, body.toByteArray());
                async.dispatch();
            }
        }

        @Override
        public void onError(Throwable t) {
            end(new Refusal(400, "bad_request", "Could not read the request body", "unreadable", null));
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            end(new Refusal(
                    408,
                    "request_timeout",
                    "The request body did not arrive within " + timeout.toSeconds() + " s",
                    "slow_body",
                    null));
        }

        @Override
        public void onComplete(AsyncEvent event) {}

        @Override
        public void onError(AsyncEvent event) {
            end(new Refusal(400, "bad_request", "Could not read the request body", "unreadable", null));
        }

        @Override
        public void onStartAsync(AsyncEvent event) {}

        private void end(Refusal r) {
            if (!finished.compareAndSet(false, true)) {
                return;
            }
            try {
                HttpServletRequest request = (HttpServletRequest) async.getRequest();
                refusals.refused(endpoint, r.reason(), request.getRemoteAddr());
                write((HttpServletResponse) async.getResponse(), r);
            } catch (IOException | IllegalStateException e) {
                // the client is gone
            } finally {
                async.complete();
            }
        }
    }

    /** The request with its body already in memory. */
    static final class BufferedRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("the body is already read");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(
                    new ByteArrayInputStream(body),
                    encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
