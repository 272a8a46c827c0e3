package dev.firebreak.watchdog;

import dev.firebreak.alerting.WatchdogSettings;
import dev.firebreak.integrations.pagerduty.PagerDutyClient;
import dev.firebreak.integrations.pagerduty.PagerDutyException;
import dev.firebreak.paging.PagerDutySettings;
import dev.firebreak.system.outbox.Outbox;
import dev.firebreak.system.outbox.OutboxHandler;
import dev.firebreak.system.outbox.OutboxResult;
import dev.firebreak.system.outbox.OutboxTask;
import dev.firebreak.watchdog.WatchdogTasks.WatchdogTask;
import java.time.Clock;
import org.springframework.stereotype.Component;

/** {@code pagerduty.watchdog-resolve}: the watchdog's heartbeats are back; resolves its page (same dedup key). */
@Component
class WatchdogResolveHandler implements OutboxHandler {

    private final PagerDutyClient client;
    private final WatchdogSettings settings;
    private final PagerDutySettings pagerDuty;
    private final Clock clock;

    WatchdogResolveHandler(
            PagerDutyClient client, WatchdogSettings settings, PagerDutySettings pagerDuty, Clock clock) {
        this.client = client;
        this.settings = settings;
        this.pagerDuty = pagerDuty;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return WatchdogTasks.RESOLVE;
    }

    @Override
    public OutboxResult handle(OutboxTask task) {
        WatchdogTask back = Outbox.payload(task, WatchdogTask.class);
        String routingKey = WatchdogTasks.routingKey(settings, pagerDuty);
        if (routingKey == null) {
            return OutboxResult.failed(
                    "PagerDuty watchdog resolve: no firebreak.watchdog.routing-key and no default routing key");
        }
        try {
            client.resolve(routingKey, WatchdogTasks.dedupKey(back.watchdog()));
            return OutboxResult.done();
        } catch (PagerDutyException e) {
            return WatchdogTasks.outcome("resolve", e, clock);
        }
    }
}
