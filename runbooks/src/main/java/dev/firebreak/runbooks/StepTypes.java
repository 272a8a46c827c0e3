package dev.firebreak.runbooks;

import java.util.Map;
import java.util.Set;

/** The step types a runbook may use, with the parameters each requires. */
public final class StepTypes {

    public static final Map<String, Set<String>> KNOWN = Map.of(
            "prometheus.query", Set.of("query"),
            "kubernetes.pods", Set.of("namespace"),
            "kubernetes.rollout-restart", Set.of("namespace", "deployment"),
            "kubernetes.scale", Set.of("namespace", "deployment", "replicas"),
            "http.request", Set.of("url"),
            "pagerduty.page", Set.of("escalation-policy"),
            "slack.message", Set.of("text"));

    private StepTypes() {
    }
}
