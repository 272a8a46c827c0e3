package dev.firebreak.watchdog;

import dev.firebreak.alerting.WatchdogSettings;
import dev.firebreak.integrations.pagerduty.EventSeverity;
import dev.firebreak.integrations.pagerduty.PagerDutyClient;
import dev.firebreak.integrations.pagerduty.PagerDutyException;
import dev.firebreak.integrations.pagerduty.TriggerEvent;
import dev.firebreak.paging.PagerDutySettings;
import dev.firebreak.system.outbox.Outbox;
import dev.firebreak.system.outbox.OutboxHandler;
import dev.firebreak.system.outbox.OutboxResult;
import dev.firebreak.system.outbox.OutboxTask;
import dev.firebreak.watchdog.WatchdogTasks.WatchdogTask;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Pages PagerDuty directly (Events v2, dedup key {@code firebreak-watchdog-<name>}) about a watchdog: one class, two
 * outbox kinds. {@code pagerduty.watchdog-trigger} because the watchdog went silent, {@code
 * pagerduty.watchdog-resolve} because its heartbeats are back (same dedup key). Idempotent: PagerDuty keeps one alert
 * per dedup key.
 */
final class WatchdogPageHandler implements OutboxHandler {

    /** Registers the handler once per action. */
    @Configuration(proxyBeanMethods = false)
    static class Handlers {

        @Bean
        OutboxHandler watchdogTriggerHandler(
                PagerDutyClient client, WatchdogSettings settings, PagerDutySettings pagerDuty, Clock clock) {
            return new WatchdogPageHandler(Action.TRIGGER, client, settings, pagerDuty, clock);
        }

        @Bean
        OutboxHandler watchdogResolveHandler(
                PagerDutyClient client, WatchdogSettings settings, PagerDutySettings pagerDuty, Clock clock) {
            return new WatchdogPageHandler(Action.RESOLVE, client, settings, pagerDuty, clock);
        }
    }

    enum Action {
        TRIGGER(WatchdogTasks.TRIGGER, "trigger"),
        RESOLVE(WatchdogTasks.RESOLVE, "resolve");

        private final String kind;
        private final String verb;

        Action(String kind, String verb) {
            this.kind = kind;
            this.verb = verb;
        }
    }

    private final Action action;
    private final PagerDutyClient client;
    private final WatchdogSettings settings;
    private final PagerDutySettings pagerDuty;
    private final Clock clock;

    WatchdogPageHandler(
            Action action,
            PagerDutyClient client,
            WatchdogSettings settings,
            PagerDutySettings pagerDuty,
            Clock clock) {
        this.action = action;
        this.client = client;
        this.settings = settings;
        this.pagerDuty = pagerDuty;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return action.kind;
    }

    @Override
    public OutboxResult handle(OutboxTask task) {
        WatchdogTask watchdog = Outbox.payload(task, WatchdogTask.class);
        String routingKey = WatchdogTasks.routingKey(settings, pagerDuty);
        if (routingKey == null) {
            return OutboxResult.failed("PagerDuty watchdog " + action.verb
                    + ": no firebreak.watchdog.routing-key and no default routing key");
        }
        try {
            if (action == Action.TRIGGER) {
                client.trigger(triggerEvent(routingKey, watchdog));
            } else {
                client.resolve(routingKey, WatchdogTasks.dedupKey(watchdog.watchdog()));
            }
            return OutboxResult.done();
        } catch (PagerDutyException e) {
            return outcome(e);
        }
    }

    private static TriggerEvent triggerEvent(String routingKey, WatchdogTask silence) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("watchdog", silence.watchdog());
        details.put("last_heartbeat_at", String.valueOf(silence.lastHeartbeatAt()));
        details.put("timeout", silence.timeout());
        details.put("labels", silence.labels());
        details.put(
                "meaning",
                "Prometheus, Alertmanager, the route to Firebreak or Firebreak itself is down:"
                        + " alerts may not be reaching anyone");
        return TriggerEvent.of(
                        routingKey,
                        WatchdogTasks.dedupKey(silence.watchdog()),
                        "Dead man's switch: no " + silence.watchdog() + " heartbeat reached Firebreak for "
                                + silence.timeout(),
                        "firebreak",
                        EventSeverity.CRITICAL)
                .withComponent("alertmanager")
                .withGroup("firebreak-watchdog")
                .withEventClass("watchdog")
                .withTimestamp(silence.silentSince())
                .withCustomDetails(details)
                .withClient("Firebreak", null);
    }

    private OutboxResult outcome(PagerDutyException e) {
        String reason = "PagerDuty watchdog " + action.verb + ": HTTP " + e.status() + " " + e.getMessage();
        if (e.retryable()) {
            return e.retryAfter()
                    .map(d -> OutboxResult.retryAt(clock.instant().plus(d), reason))
                    .orElseGet(() -> OutboxResult.retry(reason));
        }
        return OutboxResult.failed(reason);
    }
}
