package dev.firebreak.slack.delivery;

import dev.firebreak.incident.DrillSettings;
import dev.firebreak.incident.IncidentOpened;
import dev.firebreak.incident.IncidentResolved;
import dev.firebreak.incident.IncidentStatus;
import dev.firebreak.incident.IncidentStatusChanged;
import dev.firebreak.incident.IncidentUpdated;
import dev.firebreak.incident.RoleAssigned;
import dev.firebreak.incident.SeverityChanged;
import dev.firebreak.slack.SlackActions;
import dev.firebreak.slack.SlackInvites;
import dev.firebreak.slack.SlackSettings;
import dev.firebreak.system.outbox.Outbox;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns incident events into Slack outbox tasks, in the event's transaction. Never calls Slack itself.
 * The incident's tasks share one queue, so nothing is posted before its channel exists; the topic has its own
 * queue ({@link SlackTasks#topicQueue}), started by the channel's creation.
 */
@Component
public class SlackDeliveryListener {

    private static final Logger log = LoggerFactory.getLogger(SlackDeliveryListener.class);

    private final SlackSettings settings;
    private final DrillSettings drills;
    private final SlackChannels channels;
    private final Outbox outbox;
    private final Clock clock;
    private final AtomicBoolean saidOff = new AtomicBoolean();

    SlackDeliveryListener(
            SlackSettings settings, SlackChannels channels, Outbox outbox, Clock clock, DrillSettings drills) {
        this.settings = settings;
        this.drills = drills;
        this.channels = channels;
        this.outbox = outbox;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    public void on(IncidentOpened e) {
        if (!settings.enabled()) {
            if (saidOff.compareAndSet(false, true)) {
                log.info("Slack delivery is off (no bot token): incidents get no Slack channel");
            }
            return;
        }
        UUID id = e.incidentId();
        channels.insertIntent(
                id,
                ChannelNames.of(settings.channelPrefix(), drills.channelPrefix(), e.number(), e.title()),
                clock.instant());
        enqueue(SlackTasks.CREATE_CHANNEL, "slack.create-channel:" + id, new SlackTasks.IncidentTask(id), id);
        enqueue(SlackTasks.INVITE, "slack.invite:" + id + ":initial", new SlackInvites.Task(id, null, null), id);
        enqueue(SlackTasks.POST_CARD, "slack.post-card:" + id, new SlackTasks.IncidentTask(id), id);
        if (settings.announceChannel() != null && !settings.announceChannel().isBlank()) {
            enqueue(SlackTasks.ANNOUNCE, "slack.announce:" + id, new SlackTasks.IncidentTask(id), id);
        }
    }

    @EventListener
    @Transactional
    public void on(IncidentUpdated e) {
        if (settings.enabled()) {
            cardChanged(e.incidentId());
        }
    }

    @EventListener
    @Transactional
    public void on(IncidentStatusChanged e) {
        if (!active(e.incidentId())) {
            return;
        }
        UUID id = e.incidentId();
        if (e.to() == IncidentStatus.TRIGGERED && e.from() == IncidentStatus.RESOLVED) {
            enqueue(SlackTasks.UNARCHIVE, null, new SlackTasks.IncidentTask(id), id);
        }
        cardChanged(id);
        setTopic(id);
    }

    @EventListener
    @Transactional
    public void on(SeverityChanged e) {
        if (!active(e.incidentId())) {
            return;
        }
        cardChanged(e.incidentId());
        setTopic(e.incidentId());
    }

    @EventListener
    @Transactional
    public void on(RoleAssigned e) {
        if (!active(e.incidentId())) {
            return;
        }
        cardChanged(e.incidentId());
        String user = SlackText.slackUserId(e.assignee());
        if (user != null && e.assignee().startsWith("slack:")) {
            enqueue(
                    SlackTasks.INVITE,
                    null,
                    new SlackInvites.Task(e.incidentId(), List.of(user), null),
                    e.incidentId());
        }
    }

    /** Runs before other modules' resolve listeners, so the closing summary precedes e.g. the post-mortem upload. */
    @EventListener
    @Order(0)
    @Transactional
    public void on(IncidentResolved e) {
        if (!active(e.incidentId())) {
            return;
        }
        UUID id = e.incidentId();
        long at = e.at().toEpochMilli();
        enqueue(
                SlackTasks.CLOSING_SUMMARY,
                "slack.closing-summary:" + id + ":" + at,
                new SlackTasks.IncidentTask(id),
                id);
        if (settings.archiveAfter() != null) {
            outbox.enqueueAt(
                    SlackTasks.ARCHIVE,
                    SlackTasks.archiveQueue(id),
                    "slack.archive:" + id + ":" + at,
                    id,
                    new SlackTasks.ArchiveTask(id, at),
                    e.at().plus(settings.archiveAfter()));
        }
    }

    /** Slack is on and the incident has a Slack channel (or one on its way). */
    private boolean active(UUID id) {
        return settings.enabled() && channels.exists(id);
    }

    private void cardChanged(UUID id) {
        channels.cardChanged(id)
                .ifPresent(version -> enqueue(
                        SlackTasks.UPDATE_CARD,
                        "slack.update-card:" + id + ":" + version,
                        new SlackTasks.IncidentTask(id),
                        id));
    }

    private void setTopic(UUID id) {
        outbox.enqueue(SlackTasks.SET_TOPIC, SlackTasks.topicQueue(id), null, id, new SlackTasks.IncidentTask(id));
    }

    private void enqueue(String kind, String dedupKey, Object payload, UUID incidentId) {
        outbox.enqueue(kind, SlackActions.queueKey(incidentId), dedupKey, incidentId, payload);
    }
}
