package dev.firebreak.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.firebreak.runbooks.testing.KubeApiServer;
import dev.firebreak.runbooks.testing.PrometheusServer;
import dev.firebreak.slack.FakeSlack;
import dev.firebreak.slack.SignedSlackRequests;
import dev.firebreak.support.FirebreakTest;
import dev.firebreak.support.HttpTestClient;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Issue 8's "Done when", as a new user would try it: an alert matching the crash-loop runbook shows it on the status
 * card; a permitted responder runs it from Slack; the engine checks Prometheus (a real one, scraping a local
 * endpoint), asks for approval, a second person approves, it restarts the deployment on a real kube-apiserver (with
 * the deployment controller), waits for the rollout, and reports each step in the channel and on the timeline; the
 * post-mortem lists the run. Without the kube-apiserver/Prometheus binaries it is skipped (fails under CI=true).
 */
@FirebreakTest(
        properties = {
            "firebreak.api.token=test-token",
            "firebreak.alertmanager.bearer-token=am-token",
            "firebreak.slack.bot-token=xoxb-e2e-runbooks",
            "firebreak.slack.signing-secret=" + CrashLoopEndToEndTest.SIGNING,
            "firebreak.slack.card-update-interval=100ms",
            "firebreak.outbox.poll-interval=50ms",
            "firebreak.outbox.base-backoff=100ms",
            "firebreak.runbooks.poll-interval=50ms",
            "firebreak.runbooks.library=true"
        })
class CrashLoopEndToEndTest {

    static final String SIGNING = "e2e-runbook-signing";
    static final String FORM = "application/x-www-form-urlencoded";
    static final FakeSlack SLACK = new FakeSlack();
    static KubeApiServer kube;
    static PrometheusServer prometheus;
    static HttpServer metrics;

    static String pod;

    /** Before the Spring context (which reads the servers' addresses): missing binaries skip here. */
    @BeforeAll
    static void servers() throws Exception {
        kube = KubeApiServer.builder().withControllerManager().withFakeKubelet().start();
        kube.client()
                .namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName("shop")
                        .endMetadata()
                        .build())
                .create();
        kube.client()
                .apps()
                .deployments()
                .inNamespace("shop")
                .resource(deployment())
                .create();
        kube.completeRollout("shop", "checkout");
        pod = kube.client()
                .pods()
                .inNamespace("shop")
                .withLabel("app", "checkout")
                .list()
                .getItems()
                .get(0)
                .getMetadata()
                .getName();
        kube.kubelet().putLog("shop", pod, "app", "starting checkout\npanic: connection refused to payments:8443\n");

        // Prometheus scrapes a restart counter that grows at every scrape.
        java.util.concurrent.atomic.AtomicInteger restarts = new java.util.concurrent.atomic.AtomicInteger();
        metrics = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        metrics.createContext("/metrics", exchange -> {
            byte[] body = ("# TYPE kube_pod_container_status_restarts_total counter\n"
                            + "kube_pod_container_status_restarts_total{namespace=\"shop\",pod=\"" + pod + "\"} "
                            + restarts.incrementAndGet() + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        metrics.start();
        prometheus = PrometheusServer.scraping(
                URI.create("http://127.0.0.1:" + metrics.getAddress().getPort() + "/metrics"));
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> prometheus
                        .query("kube_pod_container_status_restarts_total", Instant.now())
                        .contains(pod));
        SLACK.addUserGroup("sre-oncall", "UAPPROVER");
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("firebreak.slack.api-url", SLACK::url);
        registry.add("firebreak.kubernetes.api-url", kube::url);
        registry.add("firebreak.kubernetes.token", kube::adminToken);
        registry.add("firebreak.kubernetes.ca-file", () -> kube.caFile().toString());
        registry.add("firebreak.prometheus.url", () -> prometheus.url().toString());
    }

    static Deployment deployment() {
        return new DeploymentBuilder()
                .withNewMetadata()
                .withName("checkout")
                .endMetadata()
                .withNewSpec()
                .withReplicas(1)
                .withNewSelector()
                .addToMatchLabels("app", "checkout")
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .addToLabels("app", "checkout")
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("app")
                .withImage("registry.example/checkout:1")
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }

    @AfterAll
    static void stop() throws Exception {
        SLACK.close();
        if (prometheus != null) {
            prometheus.close();
        }
        if (metrics != null) {
            metrics.stop(0);
        }
        if (kube != null) {
            kube.close();
        }
    }

    @LocalServerPort
    int port;

    @Test
    void anAlertToARestartOnKubernetesThroughSlackWithApprovalAndAPostmortem() throws Exception {
        HttpTestClient api = HttpTestClient.on(port).bearer("test-token");
        SignedSlackRequests slack = new SignedSlackRequests(SIGNING, port);
        String button = "incident.runbook:crash-looping-pod";

        // 1. The alert opens an incident with a channel; its status card offers the catalog's crash-loop runbook.
        HttpTestClient.Response opened = HttpTestClient.on(port)
                .bearer("am-token")
                .post(
                        "/webhooks/alertmanager",
                        TestRunbooks.firing(Map.of(
                                "alertname",
                                "KubePodCrashLooping",
                                "namespace",
                                "shop",
                                "pod",
                                pod,
                                "severity",
                                "warning")));
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        String id = opened.json().findValue("incidentId").asString();
        String[] channel = new String[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            channel[0] = api.get("/api/incidents/" + id)
                    .json()
                    .path("slackChannelId")
                    .asString(null);
            return channel[0] != null
                    && SLACK.messages(channel[0]).stream().anyMatch(m -> m.blocks != null && m.blocks.contains(button));
        });

        // 2. A responder presses the card's button.
        press(slack, button, id + "|crash-looping-pod", "UREQ", channel[0], "run");
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        api.get("/api/incidents/" + id + "/runbook-runs").json().size() == 1);
        long runId = api.get("/api/incidents/" + id + "/runbook-runs")
                .json()
                .get(0)
                .path("id")
                .asLong();

        // 3. It checks Prometheus and Kubernetes, posts the evidence, then asks for approval in its message.
        await().atMost(Duration.ofSeconds(90))
                .until(() -> (runMessage(channel[0], runId) != null
                                && runMessage(channel[0], runId).blocks.contains(RunMessages.APPROVE))
                        || !api.get("/api/runbook-runs/" + runId)
                                .json()
                                .path("finishedAt")
                                .isNull());
        JsonNode waiting = api.get("/api/runbook-runs/" + runId).json();
        assertThat(waiting.path("status").asString()).as(waiting.toString()).isEqualTo("WAITING");
        assertThat(step(waiting, "restarts").path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(step(waiting, "replicaset").path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(step(waiting, "not-a-deployment").path("status").asString())
                .as("owned by a Deployment")
                .isEqualTo("SKIPPED");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> SLACK.messages(channel[0]).stream()
                        .anyMatch(
                                m -> m.text != null && m.text.contains("panic: connection refused to payments:8443")));
        assertThat(kube.client()
                        .apps()
                        .replicaSets()
                        .inNamespace("shop")
                        .withLabel("app", "checkout")
                        .list()
                        .getItems())
                .as("nothing restarted before the approval")
                .hasSize(1);

        // 4. The requester cannot approve; a second person (in @sre-oncall) does; the deployment is restarted on the
        //    API server and the rollout completes.
        String value = runId + ":1:approve:" + id;
        press(slack, RunMessages.APPROVE, value, "UREQ", channel[0], "self");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !SLACK.responses("self").isEmpty());
        assertThat(SLACK.responses("self").get(0)).contains("cannot approve");
        press(slack, RunMessages.APPROVE, value, "UAPPROVER", channel[0], "approve");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> kube.client()
                                .apps()
                                .replicaSets()
                                .inNamespace("shop")
                                .withLabel("app", "checkout")
                                .list()
                                .getItems()
                                .size()
                        == 2);
        kube.completeRollout("shop", "checkout");
        JsonNode run = awaitStatus(api, runId, "SUCCEEDED");
        Deployment restarted = kube.client()
                .apps()
                .deployments()
                .inNamespace("shop")
                .withName("checkout")
                .get();
        assertThat(restarted.getSpec().getTemplate().getMetadata().getAnnotations())
                .containsKey("kubectl.kubernetes.io/restartedAt");
        assertThat(KubeApiServer.rolloutComplete(restarted)).isTrue();
        assertThat(kube.client()
                        .apps()
                        .replicaSets()
                        .inNamespace("shop")
                        .withLabel("app", "checkout")
                        .list()
                        .getItems())
                .as("exactly one restart")
                .hasSize(2);
        assertThat(step(run, "approve").path("status").asString()).isEqualTo("APPROVED");
        assertThat(step(run, "restart").path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(step(run, "rollout").path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(step(run, "record").path("status").asString()).isEqualTo("SUCCEEDED");

        // 5. Each step in the channel (one message, edited in place) and on the timeline; the post-mortem lists the
        // run.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            FakeSlack.Message message = runMessage(channel[0], runId);
            assertThat(message.text).contains("succeeded");
            assertThat(message.blocks)
                    .contains("restarts")
                    .contains("approve")
                    .contains("rollout")
                    .doesNotContain(RunMessages.APPROVE);
            assertThat(message.updates.get()).isPositive();
        });
        String timeline = api.get("/api/incidents/" + id + "/timeline").body();
        assertThat(timeline)
                .contains("step restarts (prometheus.query) succeeded")
                .contains("step approve (approval) approved")
                .contains("step restart (kubernetes.rollout-restart) succeeded")
                .contains("step rollout (kubernetes.wait-rollout) succeeded");
        String postmortem = api.get("/api/incidents/" + id + "/postmortem").body();
        assertThat(postmortem)
                .contains("Runbooks executed")
                .contains("Runbook crash-looping-pod run \\#" + runId)
                .contains("step restart (kubernetes.rollout-restart) succeeded");
    }

    static JsonNode step(JsonNode run, String id) {
        JsonNode found = null;
        for (JsonNode s : run.path("steps")) {
            if (s.path("id").asString().equals(id)) {
                found = s; // the last attempt counts
            }
        }
        assertThat(found).as("step " + id + " in " + run).isNotNull();
        return found;
    }

    FakeSlack.Message runMessage(String channel, long runId) {
        return SLACK.messages(channel).stream()
                .filter(m -> m.text != null && m.text.startsWith("Runbook run #" + runId + " "))
                .findFirst()
                .orElse(null);
    }

    static JsonNode awaitStatus(HttpTestClient api, long runId, String status) {
        JsonNode[] run = new JsonNode[1];
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            run[0] = api.get("/api/runbook-runs/" + runId).json();
            assertThat(run[0].path("status").asString()).isEqualTo(status);
        });
        return run[0];
    }

    static void press(
            SignedSlackRequests slack, String actionId, String value, String userId, String channel, String responseId)
            throws Exception {
        String payload = SignedSlackRequests.json(Map.of(
                "type",
                "block_actions",
                "user",
                Map.of("id", userId, "username", userId.toLowerCase(), "name", userId.toLowerCase(), "team_id", "T1"),
                "api_app_id",
                "A1",
                "token",
                "x",
                "trigger_id",
                "1.2.3",
                "team",
                Map.of("id", "T1", "domain", "firebreak-test"),
                "channel",
                Map.of("id", channel, "name", "inc"),
                "response_url",
                SLACK.responseUrl(responseId),
                "actions",
                List.of(Map.of(
                        "action_id",
                        actionId,
                        "block_id",
                        "b",
                        "type",
                        "button",
                        "value",
                        value,
                        "action_ts",
                        "1714000000.000001"))));
        assertThat(slack.send(SignedSlackRequests.form(Map.of("payload", payload)), FORM)
                        .statusCode())
                .isEqualTo(200);
    }
}
