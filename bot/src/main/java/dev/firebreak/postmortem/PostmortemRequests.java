package dev.firebreak.postmortem;

import dev.firebreak.incident.IncidentResolved;
import dev.firebreak.slack.SlackActions;
import dev.firebreak.slack.SlackApi;
import dev.firebreak.system.outbox.Outbox;
import java.time.Clock;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Asks for drafts to be delivered: enqueues Slack uploads (on the incident's Slack queue, so they run after the
 * channel exists) and exports. On resolve this only enqueues, so making a draft never blocks or fails resolving.
 */
@Service
public class PostmortemRequests {

    /** Requests from Slack within this many seconds count as one (double clicks, retried commands). */
    static final long REQUEST_WINDOW_SECONDS = 60;

    private final Outbox outbox;
    private final SlackApi slack;
    private final PostmortemSettings settings;
    private final Clock clock;

    PostmortemRequests(Outbox outbox, SlackApi slack, PostmortemSettings settings, Clock clock) {
        this.outbox = outbox;
        this.slack = slack;
        this.settings = settings;
        this.clock = clock;
    }

    /** The payload of {@code postmortem.upload} and {@code postmortem.export} tasks. */
    record DraftTask(UUID incidentId, String requestKey) {}

    /**
     * Enqueues an upload of the draft to the incident's channel, asked for from Slack.
     *
     * @return false when the same request (same incident, same minute) was already queued
     */
    @Transactional
    public boolean requestUpload(UUID incidentId, String via) {
        long window = clock.instant().getEpochSecond() / REQUEST_WINDOW_SECONDS;
        return enqueueUpload(incidentId, via + ":" + incidentId + ":" + window);
    }

    @EventListener
    void on(IncidentResolved e) {
        String occasion = "resolve:" + e.incidentId() + ":" + e.at().toEpochMilli();
        if (settings.uploadOnResolve() && slack.enabled()) {
            enqueueUpload(e.incidentId(), occasion);
        }
        if (settings.exportEnabled()) {
            String key = PostmortemExportHandler.KIND + ":" + occasion;
            outbox.enqueue(
                    PostmortemExportHandler.KIND,
                    "postmortem-export:" + e.incidentId(),
                    key,
                    e.incidentId(),
                    new DraftTask(e.incidentId(), key));
        }
    }

    private boolean enqueueUpload(UUID incidentId, String occasion) {
        String key = PostmortemUploadHandler.KIND + ":" + occasion;
        return outbox.enqueue(
                PostmortemUploadHandler.KIND,
                SlackActions.queueKey(incidentId),
                key,
                incidentId,
                new DraftTask(incidentId, key));
    }
}
