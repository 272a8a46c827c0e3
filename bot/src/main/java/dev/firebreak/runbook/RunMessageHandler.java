package dev.firebreak.runbook;

import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import dev.firebreak.incident.IncidentQueries;
import dev.firebreak.slack.SlackApi;
import dev.firebreak.slack.SlackOutcomes;
import dev.firebreak.system.json.Json;
import dev.firebreak.system.outbox.Outbox;
import dev.firebreak.system.outbox.OutboxHandler;
import dev.firebreak.system.outbox.OutboxResult;
import dev.firebreak.system.outbox.OutboxTask;
import java.time.Clock;
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

    record Task(long runId, long version) {}

    private static final JsonMapper JSON = Json.mapper();

    private final SlackApi slack;
    private final RunJournal journal;
    private final RunViews views;
    private final IncidentQueries incidents;
    private final Clock clock;

    RunMessageHandler(SlackApi slack, RunJournal journal, RunViews views, IncidentQueries incidents, Clock clock) {
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
        String channel = incidents.view(run.incidentId()).slackChannelId();
        if (channel == null || channel.isBlank()) {
            return SlackOutcomes.awaitChannel(
                    outboxTask, clock, "Runbook run #" + run.id() + ": the incident has no Slack channel");
        }
        RunView view = views.of(run);
        String blocks = JSON.writeValueAsString(
                RunMessages.blocks(view, run.incidentId().toString()));
        String text = RunMessages.text(view);
        String ts = run.messageTs();
        if (ts == null && outboxTask.getAttempts() > 0) {
            SlackApi.Answer<ConversationsHistoryResponse> history = slack.call(
                    "conversations.history",
                    channel,
                    m -> m.conversationsHistory(r -> r.channel(channel).limit(100)));
            if (history.response() == null) {
                return history.result(); // Slack did not answer: do not risk a second post
            }
            ts = findPosted(history, text);
            if (ts != null) {
                journal.messagePosted(run.id(), ts);
            }
        }
        if (ts == null) {
            SlackApi.Answer<ChatPostMessageResponse> posted = slack.call(
                    "chat.postMessage",
                    channel,
                    m -> m.chatPostMessage(r -> r.channel(channel)
                            .text(text)
                            .blocksAsString(blocks)
                            .unfurlLinks(false)
                            .unfurlMedia(false)));
            if (!posted.ok()) {
                return posted.result();
            }
            journal.messagePosted(run.id(), posted.response().getTs());
            return OutboxResult.done();
        }
        String messageTs = ts;
        return slack.call(
                        "chat.update",
                        channel,
                        m -> m.chatUpdate(
                                r -> r.channel(channel).ts(messageTs).text(text).blocksAsString(blocks)))
                .result();
    }

    /** The run's message, if an earlier attempt posted it (its fallback text starts with the run's number). */
    private static String findPosted(SlackApi.Answer<ConversationsHistoryResponse> answer, String text) {
        String prefix = text.substring(0, text.indexOf(':') < 0 ? text.length() : text.indexOf(':'));
        if (!answer.ok() || answer.response().getMessages() == null) {
            return null;
        }
        return answer.response().getMessages().stream()
                .filter(m -> m.getText() != null && m.getText().startsWith(prefix + ":"))
                .map(m -> m.getTs())
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }
}
