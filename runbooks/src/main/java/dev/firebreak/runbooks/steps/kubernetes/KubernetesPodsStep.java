package dev.firebreak.runbooks.steps.kubernetes;

import dev.firebreak.runbooks.steps.StepEnvironment;
import dev.firebreak.runbooks.steps.StepRequest;
import dev.firebreak.runbooks.steps.StepResult;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code kubernetes.pods}: lists pods of a namespace matching {@code selector} (label selector, e.g.
 * {@code app=checkout}). Outputs {@code pods} (name, phase, ready, restarts, reason, node), {@code count},
 * {@code ready}, {@code notReady}, {@code restarts} (total), {@code crashLooping}, {@code mostRestarted} (pod name).
 */
public final class KubernetesPodsStep extends KubeStep {

    public KubernetesPodsStep() {
        super(
                "kubernetes.pods",
                keys("namespace"),
                keys("selector"),
                NOT_CHANGING,
                IDEMPOTENT,
                keys("pods", "count", "ready", "notReady", "restarts", "crashLooping", "mostRestarted"));
    }

    @Override
    public StepResult execute(StepRequest r, StepEnvironment env) {
        String ns = name(r, "namespace");
        String selector = r.string("selector", "");
        var op = env.kube().pods().inNamespace(ns);
        List<Pod> pods = selector.isBlank()
                ? op.list().getItems()
                : op.withLabelSelector(selector).list().getItems();
        List<Map<String, Object>> rows = new ArrayList<>();
        long ready = 0;
        long restarts = 0;
        long crashLooping = 0;
        for (Pod p : pods.stream()
                .sorted(Comparator.comparing(p -> p.getMetadata().getName()))
                .toList()) {
            Map<String, Object> row = describe(p);
            rows.add(row);
            ready += Boolean.TRUE.equals(row.get("ready")) ? 1 : 0;
            restarts += (Long) row.get("restarts");
            crashLooping += "CrashLoopBackOff".equals(row.get("reason")) ? 1 : 0;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("pods", rows);
        out.put("count", (long) rows.size());
        out.put("ready", ready);
        out.put("notReady", rows.size() - ready);
        out.put("restarts", restarts);
        out.put("crashLooping", crashLooping);
        out.put(
                "mostRestarted",
                rows.stream()
                        .max(Comparator.comparingLong(m -> (Long) m.get("restarts")))
                        .map(m -> m.get("name"))
                        .orElse(""));
        return StepResult.succeeded(
                out,
                rows.size() + " pods in " + ns + (selector.isBlank() ? "" : " (" + selector + ")")
                        + ", " + (rows.size() - ready) + " not ready, " + restarts + " restarts"
                        + (crashLooping > 0 ? ", " + crashLooping + " crash-looping" : ""));
    }

    static Map<String, Object> describe(Pod p) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", p.getMetadata().getName());
        var status = p.getStatus();
        row.put("phase", status == null || status.getPhase() == null ? "Unknown" : status.getPhase());
        List<ContainerStatus> cs =
                status == null || status.getContainerStatuses() == null ? List.of() : status.getContainerStatuses();
        // the pod's Ready condition is authoritative (readiness gates included); container statuses otherwise
        var readyCondition = status == null || status.getConditions() == null
                ? null
                : status.getConditions().stream()
                        .filter(c -> "Ready".equals(c.getType()))
                        .findFirst()
                        .orElse(null);
        boolean ready = readyCondition != null
                ? "True".equals(readyCondition.getStatus())
                : !cs.isEmpty() && cs.stream().allMatch(c -> Boolean.TRUE.equals(c.getReady()));
        long restarts = cs.stream()
                .mapToLong(c -> c.getRestartCount() == null ? 0 : c.getRestartCount())
                .sum();
        String reason = cs.stream()
                .map(c -> c.getState() == null
                        ? null
                        : c.getState().getWaiting() != null
                                ? c.getState().getWaiting().getReason()
                                : c.getState().getTerminated() != null
                                        ? c.getState().getTerminated().getReason()
                                        : null)
                .filter(x -> x != null)
                .findFirst()
                .orElse(status == null || status.getReason() == null ? "" : status.getReason());
        row.put("ready", ready);
        row.put("restarts", restarts);
        row.put("reason", reason);
        row.put(
                "node",
                p.getSpec() == null || p.getSpec().getNodeName() == null
                        ? ""
                        : p.getSpec().getNodeName());
        return row;
    }
}
