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
import org.springframework.stereotype.Component;

/**
 * {@code pagerduty.watchdog-trigger}: pages PagerDuty directly (Events v2, dedup key {@code firebreak-watchdog-<name>})
 * because a watchdog went silent. Idempotent: PagerDuty keeps one alert per dedup key.
 */
@Component
class WatchdogTriggerHandler implements OutboxHandler {

    private final PagerDutyClient client;
    private final WatchdogSettings settings;
    private final PagerDutySettings pagerDuty;
    private final Clock clock;

    WatchdogTriggerHandler(
            PagerDutyClient client, WatchdogSettings settings, PagerDutySettings pagerDuty, Clock clock) {
        this.client = client;
        this.settings = settings;
        this.pagerDuty = pagerDuty;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return WatchdogTasks.TRIGGER;
    }

    @Override
    public OutboxResult handle(OutboxTask task) {
        WatchdogTask silence = Outbox.payload(task, WatchdogTask.class);
        String routingKey = WatchdogTasks.routingKey(settings, pagerDuty);
        if (routingKey == null) {
            return OutboxResult.failed(
                    "PagerDuty watchdog trigger: no firebreak.watchdog.routing-key and no default routing key");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("watchdog", silence.watchdog());
        details.put("last_heartbeat_at", String.valueOf(silence.lastHeartbeatAt()));
        details.put("timeout", silence.timeout());
        details.put("labels", silence.labels());
        details.put(
                "meaning",
                "Prometheus, Alertmanager, the route to Firebreak or Firebreak itself is down:"
                        + " alerts may not be reaching anyone");
        TriggerEvent event = TriggerEvent.of(
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
        try {
            client.trigger(event);
            return OutboxResult.done();
        } catch (PagerDutyException e) {
            return WatchdogTasks.outcome("trigger", e, clock);
        }
    }
}
