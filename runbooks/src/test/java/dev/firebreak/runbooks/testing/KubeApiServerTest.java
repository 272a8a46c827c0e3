package dev.firebreak.runbooks.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real API server, its controllers and the fake kubelet do what the runbook step tests rely on. */
class KubeApiServerTest {

    private static KubeApiServer kube;
    private static KubernetesClient client;

    @BeforeAll
    static void start() {
        kube = KubeApiServer.builder().withControllerManager().withFakeKubelet().start();
        client = kube.client();
    }

    @AfterAll
    static void stop() {
        if (kube != null) {
            kube.close();
        }
    }

    @Test
    void scalesADeploymentAndCompletesItsRollout() {
        client.apps()
                .deployments()
                .inNamespace("default")
                .resource(deployment("web", 1))
                .create();
        Deployment first = kube.completeRollout("default", "web");
        assertThat(first.getStatus().getAvailableReplicas()).isEqualTo(1);

        client.apps().deployments().inNamespace("default").withName("web").scale(3);
        Deployment scaled = kube.completeRollout("default", "web");

        assertThat(KubeApiServer.rolloutComplete(scaled)).isTrue();
        assertThat(scaled.getStatus().getReadyReplicas()).isEqualTo(3);
        List<ReplicaSet> replicaSets = client.apps()
                .replicaSets()
                .inNamespace("default")
                .withLabel("app", "web")
                .list()
                .getItems();
        assertThat(replicaSets).hasSize(1);
        assertThat(replicaSets.get(0).getSpec().getReplicas()).isEqualTo(3);
        assertThat(client.pods()
                        .inNamespace("default")
                        .withLabel("app", "web")
                        .list()
                        .getItems())
                .hasSize(3)
                .allSatisfy(pod -> {
                    assertThat(pod.getStatus().getPhase()).isEqualTo("Running");
                    assertThat(pod.getSpec().getNodeName()).isEqualTo(KubeApiServer.NODE_NAME);
                });
    }

    @Test
    void rolloutRestartRollsANewReplicaSet() {
        client.apps()
                .deployments()
                .inNamespace("default")
                .resource(deployment("api", 2))
                .create();
        kube.completeRollout("default", "api");

        client.apps()
                .deployments()
                .inNamespace("default")
                .withName("api")
                .rolling()
                .restart();
        Deployment restarted = kube.completeRollout("default", "api");

        assertThat(restarted.getSpec().getTemplate().getMetadata().getAnnotations())
                .containsKey("kubectl.kubernetes.io/restartedAt");
        List<ReplicaSet> replicaSets = client.apps()
                .replicaSets()
                .inNamespace("default")
                .withLabel("app", "api")
                .list()
                .getItems();
        assertThat(replicaSets).hasSize(2);
        assertThat(replicaSets).extracting(rs -> rs.getSpec().getReplicas()).containsExactlyInAnyOrder(0, 2);
    }

    @Test
    void readsPodLogsThroughTheFakeKubelet() {
        client.pods()
                .inNamespace("default")
                .resource(new PodBuilder()
                        .withNewMetadata()
                        .withName("worker-0")
                        .endMetadata()
                        .withNewSpec()
                        .withNodeName(KubeApiServer.NODE_NAME)
                        .addNewContainer()
                        .withName("app")
                        .withImage("registry.example/worker:1")
                        .endContainer()
                        .endSpec()
                        .build())
                .create();
        kube.kubelet().putLog("default", "worker-0", "app", "starting\nconnected\npanic: nil map\n");

        String tail = client.pods()
                .inNamespace("default")
                .withName("worker-0")
                .inContainer("app")
                .tailingLines(2)
                .getLog();

        assertThat(tail).isEqualTo("connected\npanic: nil map\n");
        assertThat(kube.kubelet().requests()).anySatisfy(request -> {
            assertThat(request.pod()).isEqualTo("worker-0");
            assertThat(request.query()).containsEntry("tailLines", "2");
        });
    }

    @Test
    void cordonsANode() {
        client.nodes().withName(KubeApiServer.NODE_NAME).edit(node -> {
            node.getSpec().setUnschedulable(true);
            return node;
        });

        assertThat(client.nodes()
                        .withName(KubeApiServer.NODE_NAME)
                        .get()
                        .getSpec()
                        .getUnschedulable())
                .isTrue();
        client.nodes().withName(KubeApiServer.NODE_NAME).edit(node -> {
            node.getSpec().setUnschedulable(false);
            return node;
        });
    }

    private static Deployment deployment(String name, int replicas) {
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
                .withImage("registry.example/" + name + ":1")
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }
}
