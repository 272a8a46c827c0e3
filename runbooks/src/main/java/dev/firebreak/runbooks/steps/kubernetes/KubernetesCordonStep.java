package dev.firebreak.runbooks.steps.kubernetes;

import dev.firebreak.runbooks.steps.ErrorKind;
import dev.firebreak.runbooks.steps.PlannedChange;
import dev.firebreak.runbooks.steps.StepEnvironment;
import dev.firebreak.runbooks.steps.StepFailure;
import dev.firebreak.runbooks.steps.StepRequest;
import dev.firebreak.runbooks.steps.StepResult;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code kubernetes.cordon}: marks a node unschedulable ({@code uncordon: true} reverses it). Idempotent.
 * Outputs {@code wasUnschedulable}, {@code unschedulable}.
 */
public final class KubernetesCordonStep extends KubeStep {

    public KubernetesCordonStep() {
        super(
                "kubernetes.cordon",
                keys("node"),
                keys("uncordon"),
                CHANGING,
                IDEMPOTENT,
                keys("wasUnschedulable", "unschedulable"));
    }

    @Override
    public StepResult execute(StepRequest r, StepEnvironment env) {
        String nodeName = name(r, "node");
        boolean target = !r.bool("uncordon", false);
        var res = env.kube().nodes().withName(nodeName);
        Node node = res.get();
        if (node == null) {
            throw new StepFailure(ErrorKind.NOT_FOUND, "node " + nodeName + " not found");
        }
        boolean was =
                node.getSpec() != null && Boolean.TRUE.equals(node.getSpec().getUnschedulable());
        String body = json(Map.of("spec", Map.of("unschedulable", target)));
        PlannedChange change = new PlannedChange("PATCH", "v1 Node " + nodeName, body);
        String verb = target ? "cordon" : "uncordon";
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("wasUnschedulable", was);
        out.put("unschedulable", target);
        return apply(
                env,
                change,
                out,
                was != target,
                () -> res.patch(PatchContext.of(PatchType.JSON_MERGE), body),
                "would " + verb + " node " + nodeName,
                was == target ? "node " + nodeName + " was already " + verb + "ed" : verb + "ed node " + nodeName);
    }
}
