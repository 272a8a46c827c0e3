package dev.firebreak.paging;

import dev.firebreak.system.outbox.OutboxHandler;
import dev.firebreak.system.outbox.OutboxResult;
import dev.firebreak.system.outbox.OutboxTask;
import org.springframework.stereotype.Component;

/** {@code pagerduty.resolve}: an incident resolved in Firebreak is resolved in PagerDuty. */
@Component
class ResolvePageHandler implements OutboxHandler {

    private final PageStatusSync sync;

    ResolvePageHandler(PageStatusSync sync) {
        this.sync = sync;
    }

    @Override
    public String kind() {
        return PagingTasks.RESOLVE;
    }

    @Override
    public OutboxResult handle(OutboxTask task) {
        return sync.run(task, PageStatusSync.Action.RESOLVE);
    }
}
