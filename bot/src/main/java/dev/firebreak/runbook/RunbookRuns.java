package dev.firebreak.runbook;

import dev.firebreak.incident.Actor;
import dev.firebreak.incident.DrillSettings;
import dev.firebreak.incident.Incident;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starting, following and cancelling runbook runs: what Slack, the REST API and automatic triggers use. A start
 * checks everything first (inputs, who may run it, concurrency key, rate) and writes the run with its snapshot in one
 * transaction; the engine does the rest.
 */
@Service
public class RunbookRuns {

    /** Why a run nobody asked to be dry is one: its incident is a drill incident (issue 14). */
    static final String DRILL_DRY_RUN = "drill incident";

    private final RunbookCore core;
    private final RunJournal journal;
    private final RunViews views;
    private final RunRecorder recorder;
    private final IncidentFactsSource facts;
    private final SlackPeople people;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final DrillSettings drills;

    RunbookRuns(
            RunbookCore core,
            RunJournal journal,
            RunViews views,
            RunRecorder recorder,
            IncidentFactsSource facts,
            SlackPeople people,
            TransactionTemplate tx,
            Clock clock,
            DrillSettings drills) {
        this.drills = drills;
        this.core = core;
        this.journal = journal;
        this.views = views;
        this.recorder = recorder;
        this.facts = facts;
        this.people = people;
        this.tx = tx;
        this.clock = clock;
    }

    /** The catalog; with an incident, the runbooks whose triggers match it come first (and say so). */
    public List<RunbookView> catalog(Incident incident) {
        java.util.Set<String> matching = incident == null ? java.util.Set.of() : core.matchingIds(facts.of(incident));
        return core.catalog().stream()
                .map(l -> {
                    RunbookView v = l.view();
                    boolean matches = matching.contains(v.id());
                    return new RunbookView(
                            v.id(),
                            v.title(),
                            v.description(),
                            v.owner(),
                            v.source(),
                            v.inputs(),
                            v.steps(),
                            matches,
                            l.auto());
                })
                .sorted(Comparator.comparing((RunbookView v) -> !v.matches()).thenComparing(RunbookView::id))
                .toList();
    }

    /** Starts a run; a refusal is a {@link RunRefusedException} (400, 403, 404, 409, 429) saying why. */
    public RunView start(Incident incident, StartRequest request) {
        return views.of(startRow(incident.getId(), request, null).orElseThrow());
    }

    /** Starts a run once per {@code triggerKey}; empty when that key already started one. */
    Optional<RunRow> startRow(UUID incidentId, StartRequest asked, String triggerKey) {
        IncidentFacts incident = facts.of(incidentId);
        // Drill incidents run runbooks dry, whoever starts them (auto trigger, Slack, API, console), unless
        // firebreak.drills.run-runbooks allows them; the run says why.
        String dryRunReason = !asked.dryRun() && incident.drill() && !drills.runRunbooks() ? DRILL_DRY_RUN : null;
        StartRequest request = dryRunReason == null
                ? asked
                : new StartRequest(asked.runbookId(), asked.inputs(), true, asked.actor(), asked.via());
        Actor actor = request.actor();
        String requester = requester(actor);
        RunbookCore.Prepared p = core.prepare(
                request.runbookId(),
                incident,
                request.inputs(),
                requester,
                actor.is(Actor.SLACK) ? people.groupHandlesOf(actor.id()) : java.util.Set.of());
        if (actor.is(Actor.SLACK) && p.permissionRefusal() != null) {
            throw RunRefusedException.forbidden(
                    "You may not run `" + p.runbookId() + "`: " + p.permissionRefusal() + ".");
        }
        return tx.execute(s -> {
            Instant now = clock.instant();
            String key = request.dryRun() ? null : p.concurrencyKey();
            RunStatus status = RunStatus.PENDING;
            if (key != null) {
                journal.lockKey("key:" + key);
                if (journal.holding(key) > 0) {
                    if (!p.queueOnConflict()) {
                        throw RunRefusedException.conflict("Another run of `" + p.runbookId() + "` holds the key '"
                                + core.mask(key) + "' and the runbook says on-conflict: skip.");
                    }
                    status = RunStatus.QUEUED;
                }
            }
            if (!request.dryRun() && p.rateMax() > 0 && p.rateWindow() != null) {
                journal.lockKey("rate:" + p.rateKey());
                if (journal.startedSince(p.runbookId(), key, now.minus(p.rateWindow())) >= p.rateMax()) {
                    throw RunRefusedException.rateLimited("`" + p.runbookId() + "` already ran " + p.rateMax()
                            + " times in the last " + RunMessages.duration(p.rateWindow()) + " for this key.");
                }
            }
            Optional<Long> id = journal.insert(
                    new RunJournal.NewRun(
                            incidentId,
                            p.runbookId(),
                            p.title(),
                            p.snapshot(),
                            p.sourceName(),
                            RunJson.write(p.inputs()),
                            request.dryRun(),
                            dryRunReason,
                            status,
                            requester,
                            actor.name(),
                            request.via(),
                            triggerKey,
                            key,
                            p.timeout() == null ? null : now.plus(p.timeout())),
                    now);
            if (id.isEmpty()) {
                return Optional.<RunRow>empty();
            }
            RunRow run = journal.find(id.get()).orElseThrow();
            recorder.started(run);
            return Optional.of(run);
        });
    }

    /** Who started a run, as approvals compare it: the Slack user id, else {@code <type>:<name>}. */
    static String requester(Actor actor) {
        return actor.is(Actor.SLACK) && actor.id() != null ? actor.id() : actor.type() + ":" + actor.name();
    }

    public List<RunView> ofIncident(UUID incidentId) {
        return journal.ofIncident(incidentId).stream().map(views::of).toList();
    }

    /** The newest runs over all incidents, newest first. */
    public List<RunView> recent(int limit) {
        return journal.recent(Math.max(1, Math.min(limit, 500))).stream()
                .map(views::of)
                .toList();
    }

    public Optional<RunView> find(long runId) {
        return journal.find(runId).map(views::of);
    }

    /** Asks the run to stop: the engine stops the step in progress and records the run as cancelled. */
    public RunView cancel(long runId, Actor actor) {
        RunRow run = journal.find(runId).orElseThrow(() -> RunRefusedException.notFound("No runbook run " + runId));
        if (run.status().isFinal()) {
            throw RunRefusedException.conflict(
                    "Run #" + runId + " is already " + run.status().name().toLowerCase() + ".");
        }
        tx.executeWithoutResult(s -> {
            if (journal.requestCancel(runId, actor.name(), clock.instant())) {
                if (run.status() == RunStatus.QUEUED) {
                    journal.status(runId, RunStatus.CANCELLED, null, "Cancelled by " + actor.name(), clock.instant());
                    recorder.runFinished(run, RunStatus.CANCELLED, "Cancelled by " + actor.name());
                } else {
                    recorder.changed(run);
                }
                recorder.wakeUp(run);
            }
        });
        return views.of(journal.find(runId).orElseThrow());
    }

    /** String values of a JSON inputs object (numbers and booleans as written; nested values refused). */
    static Map<String, String> strings(Map<String, Object> inputs) {
        Map<String, String> out = new LinkedHashMap<>();
        if (inputs != null) {
            inputs.forEach((k, v) -> {
                if (v instanceof Map || v instanceof List) {
                    throw new RunRefusedException("Input '" + k + "' must be a string, number or boolean.");
                }
                if (v != null) {
                    out.put(k, String.valueOf(v));
                }
            });
        }
        return out;
    }
}
