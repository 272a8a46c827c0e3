package dev.firebreak.paging;

import dev.firebreak.integrations.pagerduty.PagerDutyException;
import dev.firebreak.system.outbox.OutboxResult;
import java.time.Clock;

/**
 * Turns a PagerDuty client failure into an outbox outcome: retryable (429, 5xx, network) retries, at the
 * rate-limit reset when PagerDuty said when; error 1001 (already resolved) is success; any other 4xx fails
 * permanently, which shows as a warning on the incident timeline.
 */
final class PagerDutyOutcomes {

    static final int ALREADY_RESOLVED = 1001;

    private PagerDutyOutcomes() {}

    static OutboxResult of(String what, PagerDutyException e, Clock clock) {
        String reason = "PagerDuty " + what + ": " + describe(e);
        if (e.errorCode().filter(code -> code == ALREADY_RESOLVED).isPresent()) {
            return OutboxResult.done();
        }
        if (e.retryable()) {
            return e.retryAfter()
                    .map(d -> OutboxResult.retryAt(clock.instant().plus(d), reason))
                    .orElseGet(() -> OutboxResult.retry(reason));
        }
        return OutboxResult.failed(reason);
    }

    static String describe(PagerDutyException e) {
        return (e.status() == 0 ? "no answer" : "HTTP " + e.status())
                + e.errorCode().map(c -> " (error " + c + ")").orElse("")
                + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
