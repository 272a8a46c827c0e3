package dev.firebreak.runbooks.steps;

import static dev.firebreak.runbooks.steps.KubeFixtures.deployment;
import static dev.firebreak.runbooks.steps.KubeFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.runbooks.steps.kubernetes.KubernetesCordonStep;
import dev.firebreak.runbooks.steps.kubernetes.KubernetesDeletePodStep;
import dev.firebreak.runbooks.steps.kubernetes.KubernetesEventsStep;
import dev.firebreak.runbooks.steps.kubernetes.KubernetesGetStep;
import dev.firebreak.runbooks.steps.kubernetes.KubernetesLogsStep;
import dev.firebreak.runbooks.steps.kubernetes.KubernetesPodsStep;
import dev.firebreak.runbooks.steps.kubernetes.KubernetesRolloutRestartStep;
import dev.firebreak.runbooks.steps.kubernetes.KubernetesRolloutUndoStep;
import dev.firebreak.runbooks.steps.kubernetes.KubernetesScaleStep;
import dev.firebreak.runbooks.steps.kubernetes.KubernetesWaitRolloutStep;
import dev.firebreak.runbooks.testing.KubeApiServer;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every Kubernetes step type against a real kube-apiserver (etcd, controller manager for Deployments/ReplicaSets, fake
 * kubelet for pod logs), started by {@link KubeApiServer}; skipped on a developer machine without the binaries
 * (.ci/kube-apiserver builds them), failing under CI=true.
 */
class KubernetesStepsRealServerTest {

    private static KubeApiServer kube;
    private static KubernetesClient client;
    private String ns;

    @BeforeAll
    static void startServer() {
        kube = KubeApiServer.builder().withControllerManager().withFakeKubelet().start();
        client = kube.client();
    }

    @AfterAll
    static void stopServer() {
        if (kube != null) {
            kube.close();
        }
    }

    @BeforeEach
    void namespace() {
        ns = "t" + UUID.randomUUID().toString().substring(0, 8);
        client.namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(ns)
                        .endMetadata()
                        .build())
                .create();
        client.apps()
                .deployments()
                .inNamespace(ns)
                .resource(deployment("web", 2, "registry.example/web:1"))
                .create();
        kube.completeRollout(ns, "web");
    }

    @Test
    void scaleSetsReplicasAndDryRunOnlyPlans() {
        StepResult planned = run(
                new KubernetesScaleStep(),
                client,
                true,
                "r1",
                Map.of("namespace", ns, "deployment", "web", "replicas", 5L));
        assertThat(planned.status()).isEqualTo(StepStatus.PLANNED);
        assertThat(planned.planned().body()).isEqualTo("{\"spec\":{\"replicas\":5}}");
        assertThat(client.apps()
                        .deployments()
                        .inNamespace(ns)
                        .withName("web")
                        .get()
                        .getSpec()
                        .getReplicas())
                .isEqualTo(2);

        StepResult done = run(
                new KubernetesScaleStep(),
                client,
                false,
                "r1",
                Map.of("namespace", ns, "deployment", "web", "replicas", 5L));
        assertThat(done.status()).isEqualTo(StepStatus.SUCCEEDED);
        assertThat(done.outputs()).containsEntry("previousReplicas", 2L).containsEntry("replicas", 5L);
        assertThat(client.apps()
                        .deployments()
                        .inNamespace(ns)
                        .withName("web")
                        .get()
                        .getSpec()
                        .getReplicas())
                .isEqualTo(5);

        StepResult tooMany = run(
                new KubernetesScaleStep(),
                client,
                false,
                "r1",
                Map.of("namespace", ns, "deployment", "web", "replicas", 500L));
        assertThat(tooMany.errorKind()).isEqualTo(ErrorKind.INVALID);
    }

    @Test
    void rolloutRestartIsIdempotentPerRunAndStep() {
        Map<String, Object> with = Map.of("namespace", ns, "deployment", "web");
        StepResult first = run(new KubernetesRolloutRestartStep(), client, false, "run-7", with);
        assertThat(first.outputs()).containsEntry("alreadyRestarted", false);
        var annotations = client.apps()
                .deployments()
                .inNamespace(ns)
                .withName("web")
                .get()
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getAnnotations();
        assertThat(annotations)
                .containsEntry("firebreak.dev/restart", "run-7/step")
                .containsKey("kubectl.kubernetes.io/restartedAt");
        StepResult again = run(new KubernetesRolloutRestartStep(), client, false, "run-7", with);
        assertThat(again.outputs()).containsEntry("alreadyRestarted", true);
        assertThat(client.apps()
                        .deployments()
                        .inNamespace(ns)
                        .withName("web")
                        .get()
                        .getSpec()
                        .getTemplate()
                        .getMetadata()
                        .getAnnotations())
                .isEqualTo(annotations);
        assertThat(run(new KubernetesRolloutRestartStep(), client, false, "run-8", with)
                        .outputs())
                .containsEntry("alreadyRestarted", false);
    }

    @Test
    void rolloutRestartThenWaitRolloutPollsUntilTheNewReplicaSetIsAvailable() {
        run(new KubernetesRolloutRestartStep(), client, false, "run-9", Map.of("namespace", ns, "deployment", "web"));
        Map<String, Object> with = Map.of("namespace", ns, "deployment", "web", "interval", "2s");
        StepResult polling = run(new KubernetesWaitRolloutStep(), client, false, "run-9", with);
        assertThat(polling.status()).isEqualTo(StepStatus.POLLING);
        assertThat(polling.outputs()).containsEntry("complete", false);
        kube.completeRollout(ns, "web");
        StepResult done = run(new KubernetesWaitRolloutStep(), client, false, "run-9", with);
        assertThat(done.status()).isEqualTo(StepStatus.SUCCEEDED);
        assertThat(done.outputs()).containsEntry("available", 2L).containsEntry("complete", true);
        assertThat(client.apps().replicaSets().inNamespace(ns).list().getItems())
                .hasSize(2);
    }

    @Test
    void rolloutUndoGoesBackToThePreviousRevision() {
        client.apps().deployments().inNamespace(ns).withName("web").edit(dep -> {
            dep.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("registry.example/web:2");
            return dep;
        });
        kube.completeRollout(ns, "web");
        StepResult planned =
                run(new KubernetesRolloutUndoStep(), client, true, "r1", Map.of("namespace", ns, "deployment", "web"));
        assertThat(planned.status()).isEqualTo(StepStatus.PLANNED);
        assertThat(planned.planned().body()).contains("registry.example/web:1");

        StepResult undo =
                run(new KubernetesRolloutUndoStep(), client, false, "r1", Map.of("namespace", ns, "deployment", "web"));
        assertThat(undo.status()).isEqualTo(StepStatus.SUCCEEDED);
        assertThat(undo.outputs()).containsEntry("fromRevision", 2L).containsEntry("toRevision", 1L);
        var after = kube.completeRollout(ns, "web");
        assertThat(after.getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getImage())
                .isEqualTo("registry.example/web:1");
        assertThat(after.getSpec().getTemplate().getMetadata().getLabels()).doesNotContainKey("pod-template-hash");
        assertThat(after.getMetadata().getAnnotations())
                .containsEntry("firebreak.dev/rollout-undo", "r1/step")
                .containsEntry("deployment.kubernetes.io/revision", "3");
        assertThat(run(
                                new KubernetesRolloutUndoStep(),
                                client,
                                false,
                                "r1",
                                Map.of("namespace", ns, "deployment", "web"))
                        .outputs())
                .containsEntry("alreadyUndone", true);
    }

    @Test
    void cordonAndUncordonTheNode() {
        String node = KubeApiServer.NODE_NAME;
        assertThat(run(new KubernetesCordonStep(), client, true, "r", Map.of("node", node))
                        .status())
                .isEqualTo(StepStatus.PLANNED);
        assertThat(client.nodes().withName(node).get().getSpec().getUnschedulable())
                .isNotEqualTo(Boolean.TRUE);
        assertThat(run(new KubernetesCordonStep(), client, false, "r", Map.of("node", node))
                        .outputs())
                .containsEntry("wasUnschedulable", false)
                .containsEntry("unschedulable", true);
        assertThat(client.nodes().withName(node).get().getSpec().getUnschedulable())
                .isTrue();
        assertThat(run(new KubernetesCordonStep(), client, false, "r", Map.of("node", node, "uncordon", true))
                        .outputs())
                .containsEntry("wasUnschedulable", true)
                .containsEntry("unschedulable", false);
        assertThat(client.nodes().withName(node).get().getSpec().getUnschedulable())
                .isNotEqualTo(Boolean.TRUE);
    }

    @Test
    void getReadsObjectsButNeverSecrets() {
        StepResult get = run(
                new KubernetesGetStep(),
                client,
                false,
                "r",
                Map.of("kind", "Deployment", "namespace", ns, "name", "web"));
        assertThat(get.outputs()).containsEntry("found", true);
        assertThat(((Map<?, ?>) get.outputs().get("spec")).get("replicas")).isEqualTo(2);
        assertThat(((Map<?, ?>) get.outputs().get("status")).get("availableReplicas"))
                .isEqualTo(2);
        assertThat(run(
                                new KubernetesGetStep(),
                                client,
                                false,
                                "r",
                                Map.of("kind", "Node", "name", KubeApiServer.NODE_NAME))
                        .outputs())
                .containsEntry("found", true);
        assertThat(run(
                                new KubernetesGetStep(),
                                client,
                                false,
                                "r",
                                Map.of("kind", "Secret", "namespace", ns, "name", "x"))
                        .errorKind())
                .isEqualTo(ErrorKind.REFUSED);
        assertThat(run(
                                new KubernetesGetStep(),
                                client,
                                false,
                                "r",
                                Map.of("kind", "Deployment", "namespace", ns, "name", "nope"))
                        .errorKind())
                .isEqualTo(ErrorKind.NOT_FOUND);
    }

    @Test
    void podsLogsEventsAndDeletePod() {
        StepResult pods =
                run(new KubernetesPodsStep(), client, false, "r", Map.of("namespace", ns, "selector", "app=web"));
        assertThat(pods.outputs())
                .containsEntry("count", 2L)
                .containsEntry("ready", 2L)
                .containsEntry("notReady", 0L);
        String pod = String.valueOf(pods.outputs().get("mostRestarted"));
        assertThat(run(new KubernetesPodsStep(), client, false, "r", Map.of("namespace", "bad;ns"))
                        .errorKind())
                .isEqualTo(ErrorKind.INVALID);

        kube.kubelet().putLog(ns, pod, "app", "boot\nconnect db password=hunter2hunter2\npanic: nil map\n");
        StepResult logs =
                run(new KubernetesLogsStep(), client, false, "r", Map.of("namespace", ns, "pod", pod, "tail", 2L));
        assertThat(logs.status()).as(logs.error()).isEqualTo(StepStatus.SUCCEEDED);
        assertThat(logs.outputs().get("text")).isEqualTo("connect db password=********\npanic: nil map\n");
        assertThat(logs.outputs()).containsEntry("lines", 2L);

        client.v1()
                .events()
                .inNamespace(ns)
                .resource(new EventBuilder()
                        .withNewMetadata()
                        .withName(pod + ".1")
                        .endMetadata()
                        .withNewInvolvedObject()
                        .withKind("Pod")
                        .withName(pod)
                        .withNamespace(ns)
                        .endInvolvedObject()
                        .withType("Warning")
                        .withReason("BackOff")
                        .withMessage("Back-off restarting failed container")
                        .withLastTimestamp("2026-01-01T00:00:00Z")
                        .withCount(3)
                        .build())
                .create();
        StepResult events = run(new KubernetesEventsStep(), client, false, "r", Map.of("namespace", ns, "name", pod));
        assertThat(events.outputs()).containsEntry("warnings", 1L);
        assertThat(events.summary()).contains("latest warning: BackOff");

        StepResult delete = run(
                new KubernetesDeletePodStep(),
                client,
                false,
                "r",
                Map.of("namespace", ns, "pod", pod, "grace-period-seconds", 0L));
        assertThat(delete.status()).isEqualTo(StepStatus.SUCCEEDED);
        var gone = client.pods().inNamespace(ns).withName(pod).get();
        assertThat(gone == null || gone.getMetadata().getDeletionTimestamp() != null)
                .isTrue();
    }
}
