package dev.firebreak.runbooks.engine;

import dev.firebreak.runbooks.IncidentContext;
import dev.firebreak.runbooks.lang.Expressions;
import dev.firebreak.runbooks.model.StepSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The variables templates and CEL see: {@code incident}, {@code alert} (the first firing alert), {@code alerts},
 * {@code inputs}, {@code run} ({@code id}, {@code dryRun}, {@code requester}) and {@code steps.<id>}
 * ({@code status}, {@code attempt}, {@code outputs}: the type's raw outputs plus the step's declared {@code outputs}).
 */
public final class RunVariables {

    private RunVariables() {}

    /** Variables available before a run (trigger matching, input defaults). */
    public static Map<String, Object> forIncident(IncidentContext incident) {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("incident", incident.asData());
        IncidentContext.Alert primary = incident.primaryAlert();
        if (primary != null) {
            vars.put("alert", primary.asData());
        }
        vars.put(
                "alerts",
                incident.alerts().stream().map(IncidentContext.Alert::asData).toList());
        return vars;
    }

    public static Map<String, Object> forRun(RunState state) {
        Map<String, Object> vars = forIncident(state.incident());
        vars.put("inputs", state.inputs());
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("id", state.runId() == null ? "" : state.runId());
        run.put("dryRun", state.dryRun());
        run.put("requester", state.requester() == null ? "" : state.requester());
        vars.put("run", run);
        Map<String, Object> steps = new LinkedHashMap<>();
        Map<String, StepRecord> latest = latest(state.journal());
        state.runbook().allSteps().forEach(spec -> {
            StepRecord rec = latest.get(spec.id());
            if (rec != null) {
                steps.put(spec.id(), stepData(spec, rec, vars));
            }
        });
        vars.put("steps", steps);
        return vars;
    }

    static Map<String, Object> stepData(StepSpec spec, StepRecord rec, Map<String, Object> vars) {
        Map<String, Object> outputs = new LinkedHashMap<>(rec.outputs());
        if (!spec.outputs().isEmpty() && !rec.outputs().isEmpty()) {
            Map<String, Object> scope = new LinkedHashMap<>(vars);
            scope.put("result", rec.outputs());
            spec.outputs().forEach((name, expr) -> outputs.put(name, Expressions.eval(expr, scope)));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("status", rec.status().wireName());
        data.put("attempt", (long) rec.attempt());
        data.put("outputs", outputs);
        return data;
    }

    static Map<String, StepRecord> latest(List<StepRecord> journal) {
        Map<String, StepRecord> latest = new LinkedHashMap<>();
        for (StepRecord r : journal) {
            latest.put(r.stepId(), r);
        }
        return latest;
    }
}
