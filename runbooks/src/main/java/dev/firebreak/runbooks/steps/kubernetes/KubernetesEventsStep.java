package dev.firebreak.runbooks.steps.kubernetes;

import dev.firebreak.runbooks.steps.StepEnvironment;
import dev.firebreak.runbooks.steps.StepRequest;
import dev.firebreak.runbooks.steps.StepResult;
import io.fabric8.kubernetes.api.model.Event;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code kubernetes.events}: the newest {@code limit} (default 20) events of a namespace, optionally only those about
 * object {@code name} (and {@code kind}). Outputs {@code events} (type, reason, message, object, count, last),
 * {@code count}, {@code warnings}.
 */
public final class KubernetesEventsStep extends KubeStep {

    public KubernetesEventsStep() {
        super(
                "kubernetes.events",
                keys("namespace"),
                keys("name", "kind", "limit"),
                NOT_CHANGING,
                IDEMPOTENT,
                keys("events", "count", "warnings"));
    }

    @Override
    public StepResult execute(StepRequest r, StepEnvironment env) {
        String ns = name(r, "namespace");
        int limit = (int) Math.max(1, Math.min(200, r.integer("limit", 20)));
        var op = env.kube().v1().events().inNamespace(ns);
        String name = r.string("name", null);
        String kind = r.string("kind", null);
        List<Event> events;
        if (name != null) {
            var filtered = op.withField("involvedObject.name", name(r, "name"));
            events = (kind == null ? filtered : filtered.withField("involvedObject.kind", kind))
                    .list()
                    .getItems();
        } else {
            events = op.list().getItems();
        }
        List<Map<String, Object>> rows = events.stream()
                .sorted(Comparator.comparing(KubernetesEventsStep::when).reversed())
                .limit(limit)
                .map(e -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("type", e.getType() == null ? "" : e.getType());
                    row.put("reason", e.getReason() == null ? "" : e.getReason());
                    row.put("message", e.getMessage() == null ? "" : e.getMessage());
                    var io = e.getInvolvedObject();
                    row.put("object", io == null ? "" : io.getKind() + "/" + io.getName());
                    row.put("count", e.getCount() == null ? 1L : (long) e.getCount());
                    row.put("last", when(e));
                    return row;
                })
                .toList();
        long warnings =
                rows.stream().filter(m -> "Warning".equals(m.get("type"))).count();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("events", rows);
        out.put("count", (long) rows.size());
        out.put("warnings", warnings);
        String top = rows.stream()
                .filter(m -> "Warning".equals(m.get("type")))
                .findFirst()
                .map(m -> "; latest warning: " + m.get("reason") + " " + m.get("message"))
                .orElse("");
        return StepResult.succeeded(
                out,
                rows.size() + " events (" + warnings + " warnings)"
                        + (name == null ? " in " + ns : " for " + ns + "/" + name) + top);
    }

    private static String when(Event e) {
        if (e.getLastTimestamp() != null) {
            return e.getLastTimestamp();
        }
        if (e.getEventTime() != null && e.getEventTime().getTime() != null) {
            return e.getEventTime().getTime();
        }
        return e.getMetadata().getCreationTimestamp() == null
                ? ""
                : e.getMetadata().getCreationTimestamp();
    }
}
