package dev.firebreak.paging;

import dev.firebreak.integrations.pagerduty.PagerDutyException;
import dev.firebreak.system.outbox.OutboxResult;
import dev.firebreak.system.outbox.OutboxWorker;
import dev.firebreak.system.pacing.Budget;
import dev.firebreak.system.pacing.Priority;
import dev.firebreak.system.pacing.RateBudgets;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * PagerDuty's limits as budgets shared by every replica ({@link RateBudgets}): Events API v2 per routing key (the
 * key is stored only as a digest), REST writes per API token. A handler asks before its call and, without a slot,
 * returns the {@link OutboxResult#waitUntil} this gives instead of calling. Triggers are {@link Priority#HIGH},
 * acknowledge/resolve {@link Priority#NORMAL}, notes {@link Priority#LOW}. A 429 holds the budget for every replica.
 */
@Component
class PagerDutyPacing {

    private final PagerDutyPacingSettings settings;
    private final RateBudgets budgets;
    private final Clock clock;
    private final MeterRegistry meters;

    PagerDutyPacing(PagerDutyPacingSettings settings, RateBudgets budgets, Clock clock, MeterRegistry meters) {
        this.settings = settings;
        this.budgets = budgets;
        this.clock = clock;
        this.meters = meters;
    }

    /** Empty when an event for this routing key may go now, else the wait to return from the handler. */
    Optional<OutboxResult> event(String routingKey, String action, Priority priority) {
        return take(eventBudget(routingKey), action, priority);
    }

    /** Empty when a REST write may go now, else the wait to return from the handler. */
    Optional<OutboxResult> rest(String action, Priority priority) {
        return take(restBudget(), action, priority);
    }

    /** After a failed event call: a 429 holds the routing key's budget until PagerDuty's reset. */
    void eventFailed(String routingKey, PagerDutyException e) {
        failed(eventBudget(routingKey).key(), e);
    }

    void restFailed(PagerDutyException e) {
        failed(restBudget().key(), e);
    }

    private void failed(String key, PagerDutyException e) {
        if (e.status() == 429) {
            budgets.holdUntil(key, clock.instant().plus(e.retryAfter().orElse(java.time.Duration.ofSeconds(30))));
        }
    }

    private Optional<OutboxResult> take(Budget budget, String action, Priority priority) {
        String holder = OutboxWorker.currentTask().map(id -> "outbox:" + id).orElse(null);
        Optional<Instant> wait =
                settings.enabled() ? budgets.take(budget, priority, holder) : budgets.heldUntil(budget.key());
        if (wait.isEmpty()) {
            return Optional.empty();
        }
        Counter.builder("firebreak.pagerduty.paced")
                .tag("action", action)
                .description("PagerDuty calls held back by the shared rate budgets (their task waits for a slot)")
                .register(meters)
                .increment();
        return Optional.of(
                OutboxResult.waitUntil(wait.get(), "PagerDuty " + action + ": waiting for a rate budget slot"));
    }

    private Budget eventBudget(String routingKey) {
        return Budget.within("pagerduty:events:" + digest(routingKey), settings.eventsPerPeriod(), settings.period());
    }

    private Budget restBudget() {
        return Budget.within("pagerduty:rest", settings.restPerPeriod(), settings.period());
    }

    /** Routing keys are secrets: the budget row names a digest of it. */
    static String digest(String routingKey) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(routingKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
