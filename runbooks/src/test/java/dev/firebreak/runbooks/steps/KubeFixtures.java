package dev.firebreak.runbooks.steps;

import dev.firebreak.runbooks.Masker;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Shared helpers for the Kubernetes step tests (mock server and real API server). */
final class KubeFixtures {

    private KubeFixtures() {}

    static Deployment deployment(String name, int replicas, String image) {
        return new DeploymentBuilder()
                .withNewMetadata()
                .withName(name)
                .addToLabels("app", name)
                .endMetadata()
                .withNewSpec()
                .withReplicas(replicas)
                .withNewSelector()
                .addToMatchLabels("app", name)
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .addToLabels("app", name)
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("app")
                .withImage(image)
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }

    static StepEnvironment env(KubernetesClient client, boolean dryRun) {
        return new StepEnvironment(() -> client, null, null, Clock.systemUTC(), dryRun, null, new Masker(List.of()));
    }

    static StepResult run(
            StepType type, KubernetesClient client, boolean dryRun, String runId, Map<String, Object> with) {
        return StepRunner.run(
                type,
                new StepRequest(runId, "step", 1, with, Instant.now().plusSeconds(60), null, "U1"),
                env(client, dryRun));
    }
}
