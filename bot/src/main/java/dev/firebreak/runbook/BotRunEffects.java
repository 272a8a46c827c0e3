package dev.firebreak.runbook;

import dev.firebreak.paging.Pages;
import dev.firebreak.runbooks.steps.ErrorKind;
import dev.firebreak.runbooks.steps.RunEffects;
import dev.firebreak.runbooks.steps.StepFailure;
import dev.firebreak.slack.SlackActions;
import dev.firebreak.system.outbox.Outbox;
import dev.firebreak.timeline.NewTimelineEntry;
import dev.firebreak.timeline.Timeline;
import dev.firebreak.timeline.TimelineKinds;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The runbooks' side effects inside Firebreak, for one run: Slack posts through the outbox (into the incident channel,
 * or the thread of the run's message), timeline notes, PagerDuty pages and notes through the paging module. Each is
 * written once per idempotency key, so a step that runs again after a crash has its effect once.
 */
final class BotRunEffects implements RunEffects {

    private final RunRow run;
    private final Outbox outbox;
    private final Timeline timeline;
    private final Pages pages;
    private final TransactionTemplate tx;
    private final Clock clock;

    BotRunEffects(RunRow run, Outbox outbox, Timeline timeline, Pages pages, TransactionTemplate tx, Clock clock) {
        this.run = run;
        this.outbox = outbox;
        this.timeline = timeline;
        this.pages = pages;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public String slackPost(String idempotencyKey, String text, boolean inThread) {
        UUID incident = run.incidentId();
        tx.executeWithoutResult(s -> outbox.enqueue(
                RunSlackPostHandler.KIND,
                SlackActions.queueKey(incident),
                "rb-post:" + idempotencyKey,
                incident,
                new RunSlackPostHandler.Task(run.id(), text, inThread)));
        return "queued";
    }

    @Override
    public void timelineNote(String idempotencyKey, String text) {
        tx.executeWithoutResult(s -> timeline.record(
                NewTimelineEntry.of(run.incidentId(), clock.instant(), TimelineKinds.NOTE, RunRecorder.actor(run), text)
                        .withDedupKey("rb-note:" + idempotencyKey)));
    }

    @Override
    public String pagerdutyPage(
            String idempotencyKey, String service, String summary, String severity, Map<String, String> details) {
        Optional<String> refused = tx.execute(s -> pages.pageTeam(
                run.incidentId(),
                service,
                summary,
                "runbook " + run.runbookId() + " (run #" + run.id() + ")",
                "rb-page:" + idempotencyKey));
        if (refused != null && refused.isPresent()) {
            throw new StepFailure(ErrorKind.INVALID, refused.get());
        }
        return "queued";
    }

    @Override
    public void pagerdutyNote(String idempotencyKey, String text) {
        Optional<String> refused = tx.execute(s -> pages.note(run.incidentId(), text, "rb-pdnote:" + idempotencyKey));
        if (refused != null && refused.isPresent()) {
            throw new StepFailure(ErrorKind.INVALID, refused.get());
        }
    }
}
