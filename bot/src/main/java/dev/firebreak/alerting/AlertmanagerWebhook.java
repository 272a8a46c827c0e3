package dev.firebreak.alerting;

import dev.firebreak.system.logging.TraceContext;
import dev.firebreak.system.web.ApiError;
import dev.firebreak.system.web.RefusedRequests;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/alertmanager}: the Alertmanager webhook receiver (payload version 4).
 *
 * <p>Answers 200 with the incident only after the notification is committed. Refusals are JSON: 401 for
 * missing or wrong credentials, 413 above {@code firebreak.alertmanager.max-body-bytes} (the body is read
 * with a bounded read, never whole), 400 for malformed JSON, a wrong version or missing fields; nothing is
 * written for any of them. A database outage surfaces as 503 through ApiErrors, the only answers
 * Alertmanager retries.
 */
@RestController
class AlertmanagerWebhook {

    private static final Logger log = LoggerFactory.getLogger(AlertmanagerWebhook.class);

    private final AlertIntake intake;
    private final WebhookCredentials credentials;
    private final AlertmanagerSettings settings;
    private final IntakeMetrics metrics;
    private final RefusedRequests refusals;
    private final WatchdogHeartbeats watchdogHeartbeats;

    AlertmanagerWebhook(
            AlertIntake intake,
            WebhookCredentials credentials,
            AlertmanagerSettings settings,
            IntakeMetrics metrics,
            RefusedRequests refusals,
            WatchdogHeartbeats watchdogHeartbeats) {
        this.refusals = refusals;
        this.watchdogHeartbeats = watchdogHeartbeats;
        this.intake = intake;
        this.credentials = credentials;
        this.settings = settings;
        this.metrics = metrics;
    }

    @PostMapping("/webhooks/alertmanager")
    ResponseEntity<?> receive(HttpServletRequest request) {
        Timer.Sample sample = metrics.start();
        String outcome = "rejected";
        try {
            metrics.received();
            if (!credentials.accepts(request.getHeader(HttpHeaders.AUTHORIZATION))) {
                metrics.rejected("auth");
                refusals.refused("/webhooks/alertmanager", "auth", request.getRemoteAddr());
                return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"firebreak\"")
                        .body(ApiError.of(
                                401, "unauthorized", "Missing or wrong Authorization for the Alertmanager webhook"));
            }
            if (!isJson(request.getContentType())) {
                metrics.rejected("media_type");
                return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                        .body(ApiError.of(415, "unsupported_media_type", "Content-Type must be application/json"));
            }
            AlertmanagerNotification notification;
            try {
                byte[] body = readBounded(request);
                if (body == null) {
                    metrics.rejected("too_large");
                    return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                            .body(ApiError.of(
                                    413,
                                    "too_large",
                                    "Body is larger than "
                                            + settings.maxBodyBytes().toBytes() + " bytes"));
                }
                notification = AlertmanagerPayloads.parse(body);
            } catch (AlertmanagerPayloads.Rejected e) {
                metrics.rejected(e.reason());
                throw e;
            }
            IntakeResult result;
            try {
                // Dead man's switch: Watchdog alerts are heartbeats, never incidents.
                var rest = watchdogHeartbeats.absorb(notification);
                if (rest.isEmpty()) {
                    outcome = "heartbeat";
                    return ResponseEntity.ok(new WatchdogHeartbeats.Answer(
                            "HEARTBEAT", notification.alerts().size()));
                }
                result = intake.ingest(rest.get());
            } catch (CannotCreateTransactionException
                    | DataAccessResourceFailureException
                    | TransientDataAccessException e) {
                metrics.rejected("unavailable");
                throw e;
            }
            metrics.ingested(result.alerts());
            outcome = result.outcome().name().toLowerCase(java.util.Locale.ROOT);
            TraceContext.incident(result.incident());
            log.info(
                    "Alertmanager notification ({} alerts): {} {}",
                    result.alerts(),
                    outcome,
                    result.incident() == null ? "no incident" : result.incident());
            return ResponseEntity.ok(result);
        } finally {
            metrics.stop(sample, outcome);
        }
    }

    /** application/json or application/*+json, with or without parameters (Alertmanager sends application/json). */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isCompatibleWith(MediaType.APPLICATION_JSON)
                            && !type.isWildcardType()
                            && !type.isWildcardSubtype()
                    || "application".equals(type.getType()) && type.getSubtype().endsWith("+json");
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /** Reads at most max-body-bytes; null when the body (declared or actual) is larger. */
    private byte[] readBounded(HttpServletRequest request) {
        long max = settings.maxBodyBytes().toBytes();
        long declared = request.getContentLengthLong();
        if (declared > max) {
            return null;
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 8));
            return body.length > max ? null : body;
        } catch (IOException e) {
            // The sender went away or sent a broken chunked body: its problem, not a server error.
            throw new AlertmanagerPayloads.Rejected("malformed", "Could not read the request body");
        }
    }
}
