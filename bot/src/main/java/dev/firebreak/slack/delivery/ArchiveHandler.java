package dev.firebreak.slack.delivery;

import com.slack.api.methods.response.conversations.ConversationsArchiveResponse;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentStatus;
import dev.firebreak.system.outbox.Outbox;
import dev.firebreak.system.outbox.OutboxHandler;
import dev.firebreak.system.outbox.OutboxResult;
import dev.firebreak.system.outbox.OutboxTask;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Archives the channel {@code archiveAfter} after resolve, unless the incident was re-opened since. */
@Component
class ArchiveHandler implements OutboxHandler {

    private final SlackDeliveryContext ctx;

    ArchiveHandler(SlackDeliveryContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public String kind() {
        return SlackTasks.ARCHIVE;
    }

    @Override
    public OutboxResult handle(OutboxTask task) {
        SlackTasks.ArchiveTask archive = Outbox.payload(task, SlackTasks.ArchiveTask.class);
        Optional<SlackChannels.Row> row = ctx.channel(archive.incidentId());
        Incident incident = ctx.incidents.get(archive.incidentId());
        boolean sameResolve = incident.getStatus() == IncidentStatus.RESOLVED && incident.getResolvedAt() != null
                && Math.abs(incident.getResolvedAt().toEpochMilli() - archive.resolvedAtMillis()) <= 1;
        if (row.isEmpty() || !sameResolve) {
            return OutboxResult.done();
        }
        String channel = row.get().channelId();
        SlackCalls.Answer<ConversationsArchiveResponse> archived = ctx.calls.call("conversations.archive", null,
                m -> m.conversationsArchive(r -> r.channel(channel)));
        if (archived.done()) {
            ctx.channels.archived(archive.incidentId(), true);
        }
        return archived.result();
    }
}
