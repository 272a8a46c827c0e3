package dev.firebreak.slack;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.firebreak.system.outbox.Outbox;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way to invite people into an incident's channel: queues {@code slack.invite} on the incident's
 * Slack queue, so it runs after the channel exists ({@code conversations.invite} with {@code force=true}).
 */
@Component
public class SlackInvites {

    /** The outbox task kind. */
    public static final String KIND = "slack.invite";
    /**
     * The kind paging used for on-call invites before Slack owned every Slack call. V42 renamed the queued ones;
     * the handler still takes it from previous-version replicas during a rolling upgrade (drop in a later release).
     */
    public static final String FORMER_KIND = "pagerduty.slack-invite";

    /**
     * @param users Slack user ids, or null for the default responders and the commander at run time
     * @param note  timeline text written once the invite went through, or null for none
     */
    public record Task(
            UUID incidentId, @JsonAlias("userIds") List<String> users, String note) {

        /** Reads this shape and the former {@code pagerduty.slack-invite} one (user ids and display names). */
        @JsonCreator
        static Task read(
                @JsonProperty("incidentId") UUID incidentId,
                @JsonProperty("users") @JsonAlias("userIds") List<String> users,
                @JsonProperty("note") String note,
                @JsonProperty("names") List<String> names) {
            if (note == null && names != null && !names.isEmpty()) {
                note = "Invited on-call " + String.join(", ", names) + " into the channel";
            }
            return new Task(incidentId, users, note);
        }
    }

    private final Outbox outbox;

    SlackInvites(Outbox outbox) {
        this.outbox = outbox;
    }

    /** In the caller's transaction; a second call with the same {@code dedupKey} changes nothing. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean invite(UUID incidentId, List<String> slackUserIds, String note, String dedupKey) {
        return outbox.enqueue(
                KIND,
                SlackActions.queueKey(incidentId),
                dedupKey,
                incidentId,
                new Task(incidentId, List.copyOf(slackUserIds), note));
    }
}
