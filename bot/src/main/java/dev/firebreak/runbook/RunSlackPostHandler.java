package dev.firebreak.runbook;

import dev.firebreak.incident.IncidentQueries;
import dev.firebreak.slack.SlackApi;
import dev.firebreak.slack.SlackOutcomes;
import dev.firebreak.system.outbox.Outbox;
import dev.firebreak.system.outbox.OutboxHandler;
import dev.firebreak.system.outbox.OutboxResult;
import dev.firebreak.system.outbox.OutboxTask;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * {@code runbook.slack-post}: a {@code slack.post} step's message (already masked) in the incident channel, or in the
 * thread of the run's message. Runs on the incident's Slack queue, after the channel and the run message exist.
 */
@Component
class RunSlackPostHandler implements OutboxHandler {

    static final String KIND = "runbook.slack-post";

    record Task(long runId, String text, boolean inThread) {}

    private final SlackApi slack;
    private final RunJournal journal;
    private final IncidentQueries incidents;
    private final RunbookCore core;
    private final Clock clock;

    RunSlackPostHandler(SlackApi slack, RunJournal journal, IncidentQueries incidents, RunbookCore core, Clock clock) {
        this.slack = slack;
        this.journal = journal;
        this.incidents = incidents;
        this.core = core;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public OutboxResult handle(OutboxTask task) {
        if (!slack.enabled()) {
            return OutboxResult.done();
        }
        Task post = Outbox.payload(task, Task.class);
        RunRow run = journal.find(post.runId()).orElse(null);
        if (run == null) {
            return OutboxResult.done();
        }
        String channel = incidents.view(run.incidentId()).slackChannelId();
        if (channel == null || channel.isBlank()) {
            return SlackOutcomes.awaitChannel(task, clock, "slack.post: the incident has no Slack channel");
        }
        if (post.inThread() && run.messageTs() == null && task.getAttempts() < 10) {
            return OutboxResult.retry("waiting for the run's message");
        }
        String text = core.mask(post.text());
        String thread = post.inThread() ? run.messageTs() : null;
        return slack.call(
                        "chat.postMessage",
                        channel,
                        m -> m.chatPostMessage(q -> q.channel(channel)
                                .text(text)
                                .threadTs(thread)
                                .unfurlLinks(false)
                                .unfurlMedia(false)))
                .result();
    }
}
