package dev.firebreak.system.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards {@code /api/**} (registered for that path only, see {@link ApiSecurityConfiguration}): a request
 * without {@code Authorization: Bearer <firebreak.api.token>} gets a 401 JSON error and never reaches a
 * controller. On success the caller's name is put in the request attribute {@link #CALLER_ATTRIBUTE}.
 */
public class ApiTokenFilter extends OncePerRequestFilter {

    /** Request attribute holding the name of the authenticated API caller (a String). */
    public static final String CALLER_ATTRIBUTE = "firebreak.api.caller";

    static final String UNAUTHORIZED_BODY =
            "{\"status\":401,\"error\":\"unauthorized\",\"message\":\"Missing or invalid bearer token\"}";

    private final ApiToken token;
    private final String callerName;
    private final Runnable onRejected;

    /**
     * @param onRejected called once per refused request (counts them in a metric); never sees the token
     */
    public ApiTokenFilter(ApiToken token, String callerName, Runnable onRejected) {
        this.token = token;
        this.callerName = callerName == null || callerName.isBlank() ? "api" : callerName;
        this.onRejected = onRejected;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = ApiToken.bearer(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (!token.matches(presented)) {
            onRejected.run();
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"firebreak\"");
            // The body is not read (nor swallowed, max-swallow-size 0): the connection closes after this answer.
            response.setHeader(HttpHeaders.CONNECTION, "close");
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(UNAUTHORIZED_BODY);
            return;
        }
        request.setAttribute(CALLER_ATTRIBUTE, callerName);
        chain.doFilter(request, response);
    }
}
