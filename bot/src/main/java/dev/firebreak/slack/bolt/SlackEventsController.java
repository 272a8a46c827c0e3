package dev.firebreak.slack.bolt;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import dev.firebreak.slack.SlackSettings;
import dev.firebreak.system.web.ApiError;
import dev.firebreak.system.web.RefusedRequests;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The one Slack Request URL: slash commands, interactivity (buttons, modals) and the Events API. Bolt
 * over Spring MVC: the raw body bytes are verified first (the signature covers the exact bytes, so nothing
 * may parse the form before), then handed to Bolt as a {@link Request}, and Bolt's {@link Response} is
 * written back as is.
 */
@RestController
@Conditional(SlackEnabled.class)
class SlackEventsController {

    private static final Logger log = LoggerFactory.getLogger(SlackEventsController.class);

    /** Slack payloads are a few KB; a modal submission with long text stays far below this. */
    static final int MAX_BODY = 1024 * 1024;

    private final App app;
    private final SlackRequestParser parser;
    private final SlackSignatureVerifier verifier;
    private final MeterRegistry meters;
    private final SlackReplayGuard replays;
    private final RefusedRequests refusals;

    SlackEventsController(
            App app,
            SlackSettings settings,
            Clock clock,
            MeterRegistry meters,
            SlackReplayGuard replays,
            RefusedRequests refusals) {
        this.app = app;
        this.meters = meters;
        this.replays = replays;
        this.refusals = refusals;
        this.parser = new SlackRequestParser(app.config());
        this.verifier = new SlackSignatureVerifier(settings.signingSecret(), clock);
    }

    @PostMapping("/slack/events")
    ResponseEntity<?> receive(HttpServletRequest http) throws Exception {
        String timestamp = http.getHeader("X-Slack-Request-Timestamp");
        String signature = http.getHeader("X-Slack-Signature");
        SlackSignatureVerifier.Outcome early = verifier.checkHeaders(timestamp, signature);
        if (early != SlackSignatureVerifier.Outcome.OK) {
            return refused(http, early);
        }
        // The raw bytes straight from the stream: @RequestBody would, for a form post, rebuild the body
        // from the parsed parameters (re-encoded), and the signature would no longer match.
        byte[] raw = http.getInputStream().readNBytes(MAX_BODY + 1);
        if (raw.length > MAX_BODY) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(ApiError.of(413, "payload_too_large", "Slack requests are at most " + MAX_BODY + " bytes"));
        }
        SlackSignatureVerifier.Outcome outcome = verifier.verify(timestamp, signature, raw);
        if (outcome != SlackSignatureVerifier.Outcome.OK) {
            return refused(http, outcome);
        }
        // Slack never sends the same timestamp and body twice: a repeat is a replay of a captured request.
        if (!replays.firstTime(timestamp, raw)) {
            return refused(http, SlackSignatureVerifier.Outcome.REPLAYED);
        }
        Request<?> request = parser.parse(SlackRequestParser.HttpRequest.builder()
                .requestUri(http.getRequestURI())
                .queryString(queryString(http))
                .headers(new RequestHeaders(headers(http)))
                .requestBody(new String(raw, StandardCharsets.UTF_8))
                .remoteAddress(http.getRemoteAddr())
                .build());
        if (request == null) {
            return ResponseEntity.badRequest()
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(ApiError.of(400, "bad_request", "Not a Slack request Firebreak understands"));
        }
        if (app.status() != App.Status.Running) {
            try {
                app.start();
            } catch (RuntimeException e) {
                // Bolt checks the bot token with auth.test when it starts; Slack unreachable is transient.
                log.warn("Slack app cannot start yet: {}", e.getMessage());
                return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                        .header(HttpHeaders.RETRY_AFTER, "5")
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(ApiError.of(503, "unavailable", "Slack app is starting; retry later"));
            }
        }
        Response response = app.run(request);
        count("accepted");
        return toEntity(response);
    }

    private ResponseEntity<ApiError> refused(HttpServletRequest http, SlackSignatureVerifier.Outcome outcome) {
        count(outcome.name().toLowerCase());
        refusals.refused("/slack/events", outcome.name().toLowerCase(), http.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .contentType(MediaType.APPLICATION_JSON)
                .body(ApiError.of(
                        401, "unauthorized", "Slack request signature is missing, invalid, expired or replayed"));
    }

    private void count(String outcome) {
        Counter.builder("firebreak.slack.requests")
                .tag("outcome", outcome)
                .description("Requests to /slack/events by verification outcome")
                .register(meters)
                .increment();
    }

    private static ResponseEntity<String> toEntity(Response response) {
        HttpHeaders headers = new HttpHeaders();
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, values) -> {
                if (!HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
                    headers.addAll(name, values);
                }
            });
        }
        if (response.getContentType() != null) {
            headers.set(HttpHeaders.CONTENT_TYPE, response.getContentType());
        }
        int status = response.getStatusCode() == null ? 200 : response.getStatusCode();
        return ResponseEntity.status(status)
                .headers(headers)
                .body(response.getBody() == null ? "" : response.getBody());
    }

    private static Map<String, List<String>> headers(HttpServletRequest http) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(http.getHeaderNames())) {
            headers.put(name, new ArrayList<>(Collections.list(http.getHeaders(name))));
        }
        return headers;
    }

    private static Map<String, List<String>> queryString(HttpServletRequest http) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        // Only the URL's own query: getParameterMap() would read (and consume) a form body.
        String raw = http.getQueryString();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return query;
    }
}
