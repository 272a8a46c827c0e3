package dev.firebreak.replay;

import dev.firebreak.system.web.AsyncCompletion;
import dev.firebreak.system.web.BufferedBodyFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Records every request to {@code POST /webhooks/alertmanager} with the answer it got, outside the body filter (so
 * refusals from the headers alone, 401/415/413, are recorded too) and without touching the webhook's code: the
 * answer is teed as it is written, the body is the one {@link BufferedBodyFilter} read. The request thread only
 * hands a {@link Recording} to {@link FlightRecorder#record} (a queue offer).
 */
@Configuration(proxyBeanMethods = false)
class RecordingFilter {

    static final String PATH = "/webhooks/alertmanager";
    private static final String STATE = RecordingFilter.class.getName() + ".state";
    private static final int MAX_ANSWER = 16 * 1024;

    @Bean
    FilterRegistrationBean<Filter> alertmanagerRecordingFilter(FlightRecorder recorder, Clock clock) {
        FilterRegistrationBean<Filter> registration =
                new FilterRegistrationBean<>((req, res, chain) -> filter(recorder, clock, req, res, chain));
        registration.addUrlPatterns(PATH);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
        registration.setAsyncSupported(true);
        registration.setName("alertmanagerRecordingFilter");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 25); // outside the body filter (+30)
        return registration;
    }

    /** What the recorder knows about one request across its dispatches. */
    private record State(Instant at, Map<String, String> headers, AtomicBoolean recorded) {}

    private static void filter(
            FlightRecorder recorder, Clock clock, ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        if (!recorder.enabled() || !"POST".equals(request.getMethod())) {
            chain.doFilter(req, res);
            return;
        }
        State state = request.getAttribute(STATE) instanceof State s ? s : null;
        if (state == null) {
            state = new State(clock.instant(), headers(request), new AtomicBoolean());
            request.setAttribute(STATE, state);
        }
        TeeResponse tee = new TeeResponse(response);
        try {
            chain.doFilter(request, tee);
        } finally {
            if (request.isAsyncStarted()) {
                // The body is still arriving: recorded by the ASYNC dispatch, or here if the body filter gave up.
                State pending = state;
                AsyncCompletion.onComplete(
                        request, () -> finish(recorder, pending, request, response.getStatus(), null));
            } else {
                finish(recorder, state, request, response.getStatus(), tee.answer());
            }
        }
    }

    private static void finish(
            FlightRecorder recorder, State state, HttpServletRequest request, int status, String answer) {
        if (state.recorded().compareAndSet(false, true)) {
            recorder.record(new Recording(
                    state.at(), state.headers(), BufferedBodyFilter.bufferedBody(request), status, answer));
        }
    }

    private static Map<String, String> headers(HttpServletRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : Recording.HEADERS) {
            String value = request.getHeader(name);
            if (value != null) {
                headers.put(name, value.length() > 512 ? value.substring(0, 512) : value);
            }
        }
        return headers;
    }

    /** Passes the answer through and keeps its first 16 KB. */
    static final class TeeResponse extends HttpServletResponseWrapper {

        private final ByteArrayOutputStream copy = new ByteArrayOutputStream();
        private ServletOutputStream stream;
        private PrintWriter writer;

        TeeResponse(HttpServletResponse response) {
            super(response);
        }

        String answer() {
            if (writer != null) {
                writer.flush();
            }
            return copy.size() == 0 ? null : copy.toString(StandardCharsets.UTF_8);
        }

        private void keep(byte[] b, int off, int len) {
            int room = MAX_ANSWER - copy.size();
            if (room > 0) {
                copy.write(b, off, Math.min(room, len));
            }
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                ServletOutputStream out = super.getOutputStream();
                stream = new ServletOutputStream() {
                    @Override
                    public boolean isReady() {
                        return out.isReady();
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        out.setWriteListener(listener);
                    }

                    @Override
                    public void write(int b) throws IOException {
                        out.write(b);
                        keep(new byte[] {(byte) b}, 0, 1);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                        keep(b, off, len);
                    }

                    @Override
                    public void flush() throws IOException {
                        out.flush();
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                PrintWriter out = super.getWriter();
                writer = new PrintWriter(new Writer() {
                    @Override
                    public void write(char[] buf, int off, int len) {
                        out.write(buf, off, len);
                        byte[] bytes = new String(buf, off, len).getBytes(StandardCharsets.UTF_8);
                        keep(bytes, 0, bytes.length);
                    }

                    @Override
                    public void flush() {
                        out.flush();
                    }

                    @Override
                    public void close() {
                        out.close();
                    }
                });
            }
            return writer;
        }
    }
}
