package dev.firebreak.runbook;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentManagement;
import dev.firebreak.slack.SlackApi;
import dev.firebreak.slack.SlackOutcomes;
import dev.firebreak.system.outbox.Outbox;
import dev.firebreak.system.outbox.OutboxHandler;
import dev.firebreak.system.outbox.OutboxResult;
import dev.firebreak.system.outbox.OutboxTask;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code runbook.message}: the run's one message in the incident channel, posted once and then edited in place with
 * the run's current state (every task renders the latest state, so late or repeated tasks are harmless). A post
 * whose answer was lost is found again in the channel history by its block id, so a retry does not post twice.
 */
@Component
class RunMessageHandler implements OutboxHandler {

    record Task(long runId, long version) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration CHANNEL_WAIT = Duration.ofSeconds(30);

    private final SlackApi slack;
    private final RunJournal journal;
    private final RunViews views;
    private final IncidentManagement incidents;
    private final Clock clock;

    RunMessageHandler(SlackApi slack, RunJournal journal, RunViews views, IncidentManagement incidents, Clock clock) {
        this.slack = slack;
        this.journal = journal;
        this.views = views;
        this.incidents = incidents;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return RunRecorder.MESSAGE_TASK;
    }

    @Override
    public OutboxResult handle(OutboxTask outboxTask) {
        if (!slack.enabled()) {
            return OutboxResult.done();
        }
        Task task = Outbox.payload(outboxTask, Task.class);
        RunRow run = journal.find(task.runId()).orElse(null);
        if (run == null || run.messageVersion() > task.version() && run.messageTs() != null) {
            return OutboxResult.done(); // a later task renders the newer state
        }
        Incident incident = incidents.get(run.incidentId());
        String channel = incident.getSlackChannelId();
        if (channel == null || channel.isBlank()) {
            return outboxTask.getAttempts() >= 60 ? OutboxResult.failed("Runbook run #" + run.id()
                    + ": the incident has no Slack channel") : OutboxResult.retryAt(clock.instant().plus(CHANNEL_WAIT),
                    "waiting for the incident's Slack channel");
        }
        RunView view = views.of(run);
        String blocks = JSON.writeValueAsString(RunMessages.blocks(view, run.incidentId().toString()));
        String text = RunMessages.text(view);
        MethodsClient methods = slack.methods();
        try {
            String ts = run.messageTs();
            if (ts == null && outboxTask.getAttempts() > 0) {
                ts = findPosted(methods, channel, text);
                if (ts != null) {
                    journal.messagePosted(run.id(), ts);
                }
            }
            if (ts == null) {
                ChatPostMessageResponse posted = methods.chatPostMessage(r -> r.channel(channel).text(text)
                        .blocksAsString(blocks).unfurlLinks(false).unfurlMedia(false));
                if (!posted.isOk()) {
                    return SlackOutcomes.of("chat.postMessage", posted);
                }
                journal.messagePosted(run.id(), posted.getTs());
                return OutboxResult.done();
            }
            String messageTs = ts;
            ChatUpdateResponse updated = methods.chatUpdate(r -> r.channel(channel).ts(messageTs).text(text)
                    .blocksAsString(blocks));
            return updated.isOk() ? OutboxResult.done() : SlackOutcomes.of("chat.update", updated);
        } catch (Exception e) {
            return SlackOutcomes.of(kind(), e, clock);
        }
    }

    /** The run's message, if an earlier attempt posted it (its fallback text starts with the run's number). */
    private static String findPosted(MethodsClient methods, String channel, String text) throws Exception {
        String prefix = text.substring(0, text.indexOf(':') < 0 ? text.length() : text.indexOf(':'));
        ConversationsHistoryResponse history = methods.conversationsHistory(r -> r.channel(channel).limit(100));
        if (!history.isOk() || history.getMessages() == null) {
            return null;
        }
        return history.getMessages().stream().filter(m -> m.getText() != null && m.getText().startsWith(prefix + ":"))
                .map(m -> m.getTs()).filter(Objects::nonNull).findFirst().orElse(null);
    }
}
