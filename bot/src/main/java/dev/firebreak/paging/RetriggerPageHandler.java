package dev.firebreak.paging;

import dev.firebreak.system.outbox.OutboxHandler;
import dev.firebreak.system.outbox.OutboxResult;
import dev.firebreak.system.outbox.OutboxTask;
import org.springframework.stereotype.Component;

/** {@code pagerduty.retrigger}: a re-opened incident pages again (if its severity still pages). */
@Component
class RetriggerPageHandler implements OutboxHandler {

    private final TriggerPageHandler trigger;

    RetriggerPageHandler(TriggerPageHandler trigger) {
        this.trigger = trigger;
    }

    @Override
    public String kind() {
        return PagingTasks.RETRIGGER;
    }

    @Override
    public OutboxResult handle(OutboxTask task) {
        return trigger.page(task, true);
    }
}
