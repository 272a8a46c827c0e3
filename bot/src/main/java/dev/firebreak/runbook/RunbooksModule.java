package dev.firebreak.runbook;

import dev.firebreak.runbooks.IncidentContext;
import dev.firebreak.runbooks.Masker;
import dev.firebreak.runbooks.RunbookCatalog;
import dev.firebreak.runbooks.TriggerMatch;
import dev.firebreak.runbooks.engine.Decision;
import dev.firebreak.runbooks.engine.RunStarter;
import dev.firebreak.runbooks.engine.RunState;
import dev.firebreak.runbooks.engine.RunbookInterpreter;
import dev.firebreak.runbooks.engine.StepRecord;
import dev.firebreak.runbooks.lang.ParseResult;
import dev.firebreak.runbooks.lang.RunbookParser;
import dev.firebreak.runbooks.model.Policy;
import dev.firebreak.runbooks.model.Runbook;
import dev.firebreak.runbooks.model.StepSpec;
import dev.firebreak.runbooks.steps.ApprovalRequest;
import dev.firebreak.runbooks.steps.RunEffects;
import dev.firebreak.runbooks.steps.StepEnvironment;
import dev.firebreak.runbooks.steps.StepRequest;
import dev.firebreak.runbooks.steps.StepResult;
import dev.firebreak.runbooks.steps.StepRunner;
import dev.firebreak.runbooks.steps.StepTypes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The one adapter between the engine and the runbooks module: the catalog, trigger matching, the start checks, the
 * interpreter (fed with the run's snapshot and journal) and the step types (executed with this process's Kubernetes,
 * Prometheus, HTTP policy, secrets and {@link RunEffects}). Snapshots are parsed once and cached by their text.
 */
@Component
class RunbooksModule implements RunbookCore {

    private final RunbookCatalog catalog;
    private final StepTypes types;
    private final RunbookInterpreter interpreter;
    private final StepEnvironment environment;
    private final Masker masker;
    private final RunEffectsFactory effects;
    private final Map<String, String> secrets;
    private final Clock clock;
    private final Map<String, Runbook> snapshots = new ConcurrentHashMap<>();
    private final boolean hasAuto;

    RunbooksModule(
            RunbookCatalog catalog,
            StepTypes types,
            StepEnvironment environment,
            Masker masker,
            RunEffectsFactory effects,
            RunbookSettings settings,
            Clock clock) {
        this.catalog = catalog;
        this.types = types;
        this.environment = environment;
        this.masker = masker;
        this.effects = effects;
        this.secrets = settings.secrets();
        this.clock = clock;
        Function<String, String> secret = secrets::get;
        this.interpreter = new RunbookInterpreter(types, secret);
        this.hasAuto =
                catalog.runbooks().stream().anyMatch(r -> r.triggers().stream().anyMatch(t -> t.auto()));
    }

    @Override
    public List<Loaded> catalog() {
        return catalog.runbooks().stream()
                .map(r -> new Loaded(view(r), r.triggers().stream().anyMatch(t -> t.auto())))
                .toList();
    }

    private static RunbookView view(Runbook r) {
        List<RunbookView.InputView> inputs = r.inputs().stream()
                .map(i -> new RunbookView.InputView(
                        i.name(), i.type().yamlName(), i.description(), i.defaultTemplate(), i.required()))
                .toList();
        String source = r.position() == null
                ? null
                : java.nio.file.Path.of(r.position().file()).getFileName().toString();
        return new RunbookView(
                r.id(),
                r.title(),
                r.description(),
                r.owner(),
                source,
                inputs,
                r.allSteps().map(StepSpec::id).toList(),
                false,
                r.triggers().stream().anyMatch(t -> t.auto()));
    }

    @Override
    public boolean matches(String runbookId, IncidentFacts incident) {
        return matchingIds(incident).contains(runbookId);
    }

    @Override
    public java.util.Set<String> matchingIds(IncidentFacts incident) {
        return catalog.matchingRunbooks(context(incident)).stream()
                .map(r -> r.id())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    @Override
    public boolean hasAutoRunbooks() {
        return hasAuto;
    }

    @Override
    public List<AutoStart> autoStarts(IncidentFacts incident) {
        List<AutoStart> out = new ArrayList<>();
        for (TriggerMatch m : catalog.matching(context(incident))) {
            if (m.auto()) {
                out.add(new AutoStart(m.runbook().id(), m.onceKey()));
            }
        }
        return out;
    }

    @Override
    public Prepared prepare(
            String runbookId,
            IncidentFacts incident,
            Map<String, String> given,
            String requester,
            Set<String> requesterGroups) {
        Runbook runbook = catalog.find(runbookId)
                .orElseThrow(() -> new RunRefusedException("Unknown runbook '" + masker.mask(runbookId)
                        + "' (see GET /api/runbooks or /incident runbook list)"));
        RunStarter.PreparedRun p = RunStarter.prepare(runbook, context(incident), given, requester, requesterGroups);
        if (!p.inputRefusals().isEmpty()) {
            throw new RunRefusedException(
                    "Runbook " + runbook.id() + " did not start: " + masker.mask(String.join("; ", p.inputRefusals())));
        }
        Policy policy = runbook.policy();
        Policy.Rate rate = policy.rate();
        return new Prepared(
                runbook.id(),
                runbook.title(),
                runbook.source(),
                runbook.position() == null ? null : runbook.position().file(),
                p.inputs(),
                p.concurrencyKey(),
                p.rateKey(),
                policy.onConflict() == Policy.OnConflict.QUEUE,
                rate == null ? 0 : rate.max(),
                rate == null ? null : rate.window(),
                policy.timeout(),
                p.permissionRefusal());
    }

    @Override
    public Next next(RunRow run, List<StepRow> journal, IncidentFacts incident, Instant now) {
        Runbook runbook = snapshot(run);
        Decision d = interpreter.next(state(run, runbook, journal, incident), now);
        if (d instanceof Decision.Finish f) {
            return new Finished(RunStatus.valueOf(f.status().name()), f.reason());
        }
        if (d instanceof Decision.Sleep s) {
            return new Sleep(s.stepId(), s.until(), s.reason());
        }
        if (d instanceof Decision.AwaitApproval a) {
            return new AwaitApproval(
                    a.stepId(),
                    a.attempt(),
                    a.request() == null ? now : a.request().deadline());
        }
        if (d instanceof Decision.MarkStep m) {
            StepSpec spec = runbook.step(m.stepId()).orElse(null);
            return new Mark(
                    m.stepId(),
                    spec == null ? "unknown" : spec.type(),
                    spec != null && spec.finallyStep(),
                    m.attempt(),
                    m.status(),
                    m.reason());
        }
        Decision.RunStep r = (Decision.RunStep) d;
        return new Execute(
                r.step().id(),
                r.step().type(),
                r.finallyPhase(),
                r.attempt(),
                masker.maskMap(r.with()),
                r.deadline(),
                r.resumed(),
                r);
    }

    @Override
    public Outcome execute(RunRow run, Execute step, IncidentFacts incident) {
        Decision.RunStep r = (Decision.RunStep) step.decision();
        StepRequest request = new StepRequest(
                Long.toString(run.id()),
                r.step().id(),
                r.attempt(),
                r.with(),
                r.deadline(),
                context(incident),
                run.requestedBy());
        StepEnvironment env = new StepEnvironment(
                environment.kubernetes(),
                environment.prometheusUrl(),
                environment.http(),
                clock,
                run.dryRun(),
                effects.forRun(run),
                masker);
        StepResult result = StepRunner.run(types.get(r.step().type()), request, env);
        ApprovalRequest a = result.approval();
        return new Outcome(
                result.status(),
                masker.maskMap(result.outputs()),
                masker.mask(result.summary()),
                result.planned() == null
                        ? null
                        : masker.maskValue(Map.of(
                                "verb",
                                result.planned().verb(),
                                "target",
                                result.planned().target(),
                                "body",
                                result.planned().body())),
                result.wakeAt(),
                a == null
                        ? null
                        : new Approval(
                                masker.mask(a.prompt()),
                                a.approvers(),
                                a.approverNotRequester(),
                                a.requester(),
                                a.deadline()),
                result.errorKind() == null ? null : result.errorKind().wireName(),
                masker.mask(result.error()));
    }

    @Override
    public String mask(String text) {
        return masker.mask(text);
    }

    private Runbook snapshot(RunRow run) {
        return snapshots.computeIfAbsent(run.snapshot(), text -> {
            ParseResult parsed =
                    RunbookParser.parse(run.sourceName() == null ? run.runbookId() : run.sourceName(), text);
            if (parsed.runbook() == null) {
                throw new IllegalStateException(
                        "The snapshot of run #" + run.id() + " no longer parses: " + parsed.findings());
            }
            return parsed.runbook();
        });
    }

    private static RunState state(RunRow run, Runbook runbook, List<StepRow> rows, IncidentFacts incident) {
        List<StepRecord> journal = rows.stream().map(RunbooksModule::record).toList();
        Instant started = run.startedAt() != null ? run.startedAt() : run.createdAt();
        return new RunState(
                Long.toString(run.id()),
                runbook,
                RunJson.map(run.inputs()),
                context(incident),
                run.requestedBy(),
                run.dryRun(),
                started,
                run.cancelRequestedBy() != null,
                journal);
    }

    private static StepRecord record(StepRow row) {
        Approval a = row.approval() == null ? null : RunJson.read(row.approval(), Approval.class);
        ApprovalRequest approval = a == null
                ? null
                : new ApprovalRequest(a.prompt(), a.approvers(), a.approverNotRequester(), a.requester(), a.deadline());
        return new StepRecord(
                row.stepId(),
                row.attempt(),
                row.status(),
                RunJson.map(row.outputs()),
                row.errorKind(),
                row.error(),
                row.startedAt(),
                row.finishedAt(),
                row.waitUntil(),
                approval,
                row.decidedBy());
    }

    static IncidentContext context(IncidentFacts f) {
        return new IncidentContext(
                f.reference(),
                f.title(),
                f.severity(),
                f.status(),
                f.service(),
                f.labels(),
                f.alerts().stream()
                        .map(a -> new IncidentContext.Alert(
                                a.fingerprint(), a.status(), a.labels(), a.annotations(), a.startsAt()))
                        .toList());
    }
}
