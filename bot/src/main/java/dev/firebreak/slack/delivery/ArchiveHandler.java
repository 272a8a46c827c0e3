package dev.firebreak.slack.delivery;

import dev.firebreak.slack.SlackActions;
import dev.firebreak.system.outbox.Outbox;
import dev.firebreak.system.outbox.OutboxHandler;
import dev.firebreak.system.outbox.OutboxResult;
import dev.firebreak.system.outbox.OutboxTask;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The archive timer ({@code archiveAfter} after resolve): unless the incident was re-opened since, queues the
 * actual archive behind the incident's other Slack work. Makes no Slack call itself.
 */
@Component
class ArchiveHandler implements OutboxHandler {

    private final SlackDeliveryContext ctx;
    private final Outbox outbox;
    private final TransactionTemplate tx;

    ArchiveHandler(SlackDeliveryContext ctx, Outbox outbox, PlatformTransactionManager transactions) {
        this.ctx = ctx;
        this.outbox = outbox;
        this.tx = new TransactionTemplate(transactions);
    }

    @Override
    public String kind() {
        return SlackTasks.ARCHIVE;
    }

    @Override
    public OutboxResult handle(OutboxTask task) {
        SlackTasks.ArchiveTask archive = Outbox.payload(task, SlackTasks.ArchiveTask.class);
        if (!ArchiveChannelHandler.stillResolvedFrom(ctx, archive)) {
            return OutboxResult.done(); // re-opened since: this archive is void
        }
        tx.executeWithoutResult(s -> outbox.enqueue(
                SlackTasks.ARCHIVE_CHANNEL,
                SlackActions.queueKey(archive.incidentId()),
                "slack.archive-channel:" + archive.incidentId() + ":" + archive.resolvedAtMillis(),
                archive.incidentId(),
                archive));
        return OutboxResult.done();
    }
}
