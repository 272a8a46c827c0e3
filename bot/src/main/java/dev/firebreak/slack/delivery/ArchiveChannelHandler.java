package dev.firebreak.slack.delivery;

import com.slack.api.methods.response.conversations.ConversationsArchiveResponse;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentStatus;
import dev.firebreak.slack.SlackApi;
import dev.firebreak.system.outbox.Outbox;
import dev.firebreak.system.outbox.OutboxHandler;
import dev.firebreak.system.outbox.OutboxResult;
import dev.firebreak.system.outbox.OutboxTask;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Archives the incident channel (queued by the archive timer), unless the incident was re-opened since. */
@Component
class ArchiveChannelHandler implements OutboxHandler {

    private final SlackDeliveryContext ctx;

    ArchiveChannelHandler(SlackDeliveryContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public String kind() {
        return SlackTasks.ARCHIVE_CHANNEL;
    }

    @Override
    public OutboxResult handle(OutboxTask task) {
        SlackTasks.ArchiveTask archive = Outbox.payload(task, SlackTasks.ArchiveTask.class);
        Optional<SlackChannels.Row> row = ctx.channel(archive.incidentId());
        if (row.isEmpty() || !stillResolvedFrom(ctx, archive)) {
            return OutboxResult.done();
        }
        String channel = row.get().channelId();
        SlackApi.Answer<ConversationsArchiveResponse> archived =
                ctx.calls.call("conversations.archive", null, m -> m.conversationsArchive(r -> r.channel(channel)));
        if (archived.done()) {
            ctx.channels.archived(archive.incidentId(), true);
        }
        return archived.result();
    }

    /** Whether the incident is still resolved from the resolve that scheduled this archive. */
    static boolean stillResolvedFrom(SlackDeliveryContext ctx, SlackTasks.ArchiveTask archive) {
        Incident incident = ctx.incidents.get(archive.incidentId());
        return incident.getStatus() == IncidentStatus.RESOLVED
                && incident.getResolvedAt() != null
                && Math.abs(incident.getResolvedAt().toEpochMilli() - archive.resolvedAtMillis()) <= 1;
    }
}
