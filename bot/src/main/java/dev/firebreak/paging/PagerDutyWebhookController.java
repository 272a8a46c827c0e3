package dev.firebreak.paging;

import dev.firebreak.system.web.ApiError;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/pagerduty}: PagerDuty v3 webhooks. The raw body is verified against
 * {@code X-PagerDuty-Signature} with the configured secret(s) before anything is parsed: 401 when the
 * signature is missing or wrong. Unknown incidents are answered 202 and change nothing; a redelivered
 * event id is answered 200 and not applied again.
 */
@RestController
class PagerDutyWebhookController {

    private static final Logger log = LoggerFactory.getLogger(PagerDutyWebhookController.class);

    private final PagerDutySettings settings;
    private final PagerDutyWebhookIntake intake;
    private final java.util.concurrent.atomic.AtomicBoolean warned = new java.util.concurrent.atomic.AtomicBoolean();

    private final MeterRegistry meters;

    PagerDutyWebhookController(PagerDutySettings settings, PagerDutyWebhookIntake intake, MeterRegistry meters) {
        this.settings = settings;
        this.intake = intake;
        this.meters = meters;
    }

    @PostMapping("/webhooks/pagerduty")
    ResponseEntity<?> receive(
            @RequestBody(required = false) byte[] body,
            @RequestHeader(value = "X-PagerDuty-Signature", required = false) String signature) {
        if (settings.webhookSecrets().isEmpty()) {
            count("unauthorized");
            if (warned.compareAndSet(false, true)) {
                log.warn("PagerDuty webhooks are refused: firebreak.pagerduty.webhook-secret is not configured");
            }
            return unauthorized("PagerDuty webhooks are not configured");
        }
        if (!WebhookSignatures.valid(body == null ? new byte[0] : body, signature, settings.webhookSecrets())) {
            count("unauthorized");
            return unauthorized("Missing or invalid X-PagerDuty-Signature");
        }
        PagerDutyWebhookEvent event;
        try {
            event = PagerDutyWebhookEvent.parse(body);
        } catch (IllegalArgumentException e) {
            count("bad_request");
            return ResponseEntity.badRequest()
                    .body(ApiError.of(400, "bad_request", "Not a PagerDuty v3 webhook: " + e.getMessage()));
        }
        PagerDutyWebhookIntake.Outcome outcome = intake.accept(event);
        count(outcome.name().toLowerCase(java.util.Locale.ROOT));
        HttpStatus status =
                outcome == PagerDutyWebhookIntake.Outcome.UNKNOWN_INCIDENT ? HttpStatus.ACCEPTED : HttpStatus.OK;
        return ResponseEntity.status(status)
                .body(Map.of("status", outcome.name().toLowerCase(java.util.Locale.ROOT), "event", event.id()));
    }

    private void count(String outcome) {
        io.micrometer.core.instrument.Counter.builder("firebreak.pagerduty.webhooks")
                .tag("outcome", outcome)
                .description("PagerDuty webhook deliveries by outcome")
                .register(meters)
                .increment();
    }

    private static ResponseEntity<ApiError> unauthorized(String message) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(ApiError.of(401, "unauthorized", message));
    }
}
