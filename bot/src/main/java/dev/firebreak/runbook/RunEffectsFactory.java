package dev.firebreak.runbook;

import dev.firebreak.paging.Pages;
import dev.firebreak.runbooks.steps.RunEffects;
import dev.firebreak.system.outbox.Outbox;
import dev.firebreak.timeline.Timeline;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Gives each run its {@link RunEffects} (bound to the run's incident). */
@Component
class RunEffectsFactory {

    private final Outbox outbox;
    private final Timeline timeline;
    private final Pages pages;
    private final TransactionTemplate tx;
    private final Clock clock;

    RunEffectsFactory(Outbox outbox, Timeline timeline, Pages pages, TransactionTemplate tx, Clock clock) {
        this.outbox = outbox;
        this.timeline = timeline;
        this.pages = pages;
        this.tx = tx;
        this.clock = clock;
    }

    RunEffects forRun(RunRow run) {
        return new BotRunEffects(run, outbox, timeline, pages, tx, clock);
    }
}
