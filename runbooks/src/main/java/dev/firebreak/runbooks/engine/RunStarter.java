package dev.firebreak.runbooks.engine;

import dev.firebreak.runbooks.IncidentContext;
import dev.firebreak.runbooks.RunbookException;
import dev.firebreak.runbooks.lang.Templates;
import dev.firebreak.runbooks.model.Runbook;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether a run may start: the requester is allowed by {@code policy.run-by}, the inputs resolve (see
 * {@link InputResolver}), and the concurrency key renders. The engine then applies the key and the rate across
 * replicas.
 */
public final class RunStarter {

    private RunStarter() {}

    /**
     * {@code permissionRefusal} non-null: the requester may not run it (403). {@code inputRefusals} non-empty: the run
     * does not start (400), each says why. {@code concurrencyKey} is the rendered key (null: none);
     * {@code rateKey} is what the rate limit counts by (the concurrency key, else the runbook id).
     */
    public record PreparedRun(
            Map<String, Object> inputs,
            String concurrencyKey,
            String rateKey,
            List<String> inputRefusals,
            String permissionRefusal) {

        public PreparedRun {
            inputs = Map.copyOf(inputs);
            inputRefusals = List.copyOf(inputRefusals);
        }

        public boolean ok() {
            return permissionRefusal == null && inputRefusals.isEmpty();
        }

        public String refusalMessage() {
            List<String> all = new ArrayList<>();
            if (permissionRefusal != null) {
                all.add(permissionRefusal);
            }
            all.addAll(inputRefusals);
            return String.join("; ", all);
        }
    }

    public static PreparedRun prepare(
            Runbook runbook,
            IncidentContext incident,
            Map<String, String> givenInputs,
            String requester,
            Set<String> requesterGroupHandles) {
        String permission = permission(runbook.policy().runBy(), requester, requesterGroupHandles);
        InputResolver.Resolution res = InputResolver.resolve(runbook, incident, givenInputs);
        List<String> refusals = new ArrayList<>(res.refusals());
        String key = null;
        if (res.ok() && runbook.policy().concurrencyKey() != null) {
            Map<String, Object> vars = RunVariables.forIncident(incident);
            vars.put("inputs", res.values());
            try {
                key = runbook.id() + ":" + Templates.renderText(runbook.policy().concurrencyKey(), vars, n -> null);
            } catch (RunbookException e) {
                refusals.add("concurrency key: " + e.getMessage());
            }
        }
        return new PreparedRun(res.values(), key, key != null ? key : runbook.id(), refusals, permission);
    }

    static String permission(List<String> allowed, String user, Set<String> groups) {
        if (allowed.isEmpty()) {
            return null;
        }
        for (String a : allowed) {
            if (a.equals(user) || (a.startsWith("@") && groups != null && groups.contains(a.substring(1)))) {
                return null;
            }
        }
        return "only " + String.join(", ", allowed) + " may run this runbook";
    }
}
