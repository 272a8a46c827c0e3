package dev.firebreak.paging;

import dev.firebreak.system.outbox.OutboxHandler;
import dev.firebreak.system.outbox.OutboxResult;
import dev.firebreak.system.outbox.OutboxTask;
import org.springframework.stereotype.Component;

/** {@code pagerduty.acknowledge}: an incident acknowledged in Firebreak is acknowledged in PagerDuty. */
@Component
class AcknowledgePageHandler implements OutboxHandler {

    private final PageStatusSync sync;

    AcknowledgePageHandler(PageStatusSync sync) {
        this.sync = sync;
    }

    @Override
    public String kind() {
        return PagingTasks.ACKNOWLEDGE;
    }

    @Override
    public OutboxResult handle(OutboxTask task) {
        return sync.run(task, PageStatusSync.Action.ACKNOWLEDGE);
    }
}
