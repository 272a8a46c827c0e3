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
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
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
@FirebreakTest(properties = {
        "firebreak.api.token=test-token",
        "firebreak.alertmanager.bearer-token=am-token",
        "firebreak.slack.bot-token=xoxb-e2e-runbooks",
        "firebreak.slack.signing-secret=" + CrashLoopEndToEndTest.SIGNING,
        "firebreak.slack.card-update-interval=100ms",
        "firebreak.outbox.poll-interval=50ms",
        "firebreak.outbox.base-backoff=100ms",
        "firebreak.runbooks.poll-interval=50ms"})
class CrashLoopEndToEndTest {

    static final String SIGNING = "e2e-runbook-signing";
    static final String FORM = "application/x-www-form-urlencoded";
    static final FakeSlack SLACK = new FakeSlack();
    static KubeApiServer kube;
    static PrometheusServer prometheus;
    static HttpServer metrics;

    /** Before the Spring context (which reads the servers' addresses): missing binaries skip here. */
    @BeforeAll
    static void servers() throws Exception {
        kube = KubeApiServer.builder().withControllerManager().start();
        metrics = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        metrics.createContext("/metrics", exchange -> {
            byte[] body = ("# TYPE kube_pod_container_status_restarts_total counter\n"
                    + "kube_pod_container_status_restarts_total{namespace=\"shop\",pod=\"checkout-7d9f8-abcde\"} 9\n").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        metrics.start();
        prometheus = PrometheusServer.scraping(URI.create("http://127.0.0.1:" + metrics.getAddress().getPort() + "/metrics"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                prometheus.query("kube_pod_container_status_restarts_total", Instant.now()).contains("\"9\""));

        kube.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata()
                .build()).create();
        kube.client().apps().deployments().inNamespace("shop").resource(deployment()).create();
        kube.completeRollout("shop", "checkout");
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("firebreak.slack.api-url", SLACK::url);
        registry.add("firebreak.kubernetes.api-url", kube::url);
        registry.add("firebreak.kubernetes.token", kube::adminToken);
        registry.add("firebreak.kubernetes.ca-file", () -> kube.caFile().toString());
        registry.add("firebreak.prometheus.url", () -> prometheus.url().toString());
        registry.add("firebreak.runbooks.path", () -> TestRunbooks.folder(Map.of("crash-loop-e2e", CRASH_LOOP)));
    }

    /** The crash-loop runbook of the issue, with approvers and responders of this test. */
    static final String CRASH_LOOP = """
            id: crash-loop-e2e
            title: Pod crash-looping
            owner: sre
            triggers:
              - when: 'alert.labels.alertname == "KubePodCrashLooping"'
            inputs:
              namespace:
                type: string
                default: '{{ alert.labels.namespace }}'
              deployment:
                type: string
                default: '{{ alert.labels.deployment }}'
            policy:
              timeout: 10m
              concurrency:
                key: '{{ inputs.namespace }}/{{ inputs.deployment }}'
                on-conflict: skip
              run-by: [UREQ, UAPPROVER]
              approve-by: [UAPPROVER]
            steps:
              - id: restarts
                type: prometheus.query
                with:
                  query: 'max(kube_pod_container_status_restarts_total{namespace="{{ inputs.namespace }}"})'
                  expect: '>= 3'
              - id: approve
                type: approval
                with:
                  message: 'Restart {{ inputs.namespace }}/{{ inputs.deployment }}?'
              - id: restart
                type: kubernetes.rollout-restart
                with:
                  namespace: '{{ inputs.namespace }}'
                  deployment: '{{ inputs.deployment }}'
              - id: rollout
                type: kubernetes.wait-rollout
                timeout: 2m
                with:
                  namespace: '{{ inputs.namespace }}'
                  deployment: '{{ inputs.deployment }}'
                  interval: 1s
            """;

    static Deployment deployment() {
        return new DeploymentBuilder().withNewMetadata().withName("checkout").endMetadata()
                .withNewSpec().withReplicas(1).withNewSelector().addToMatchLabels("app", "checkout").endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", "checkout").endMetadata()
                .withNewSpec().addNewContainer().withName("app").withImage("registry.example/checkout:1").endContainer()
                .endSpec().endTemplate().endSpec().build();
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

        // 1. The alert opens an incident with a channel; its status card offers the runbook.
        HttpTestClient.Response opened = HttpTestClient.on(port).bearer("am-token").post("/webhooks/alertmanager",
                TestRunbooks.firing(Map.of("alertname", "KubePodCrashLooping", "namespace", "shop",
                        "deployment", "checkout", "pod", "checkout-7d9f8-abcde", "severity", "warning")));
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        String id = opened.json().findValue("incidentId").asString();
        String[] channel = new String[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            channel[0] = api.get("/api/incidents/" + id).json().path("slackChannelId").asString(null);
            return channel[0] != null && SLACK.messages(channel[0]).stream()
                    .anyMatch(m -> m.blocks != null && m.blocks.contains("incident.runbook:crash-loop-e2e"));
        });
        FakeSlack.Message card = SLACK.messages(channel[0]).stream()
                .filter(m -> m.blocks != null && m.blocks.contains("incident.runbook:crash-loop-e2e")).findFirst().orElseThrow();

        // 2. Someone not in run-by is refused; a permitted responder presses the card's button.
        press(slack, "incident.runbook:crash-loop-e2e", id + "|crash-loop-e2e", "UNOBODY", channel[0], "nobody");
        await().atMost(Duration.ofSeconds(20)).until(() -> !SLACK.responses("nobody").isEmpty());
        assertThat(SLACK.responses("nobody").get(0)).contains("may not run");
        assertThat(api.get("/api/incidents/" + id + "/runbook-runs").json()).isEmpty();
        press(slack, "incident.runbook:crash-loop-e2e", id + "|crash-loop-e2e", "UREQ", channel[0], "run");
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/incidents/" + id + "/runbook-runs").json().size() == 1);
        long runId = api.get("/api/incidents/" + id + "/runbook-runs").json().get(0).path("id").asLong();

        // 3. It checks Prometheus, then asks for approval in its message.
        await().atMost(Duration.ofSeconds(30)).until(() -> runMessage(channel[0], runId) != null
                && runMessage(channel[0], runId).blocks.contains(RunMessages.APPROVE));
        JsonNode waiting = api.get("/api/runbook-runs/" + runId).json();
        assertThat(waiting.path("steps").get(0).path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(waiting.path("steps").get(0).path("outputs").path("value").asDouble()).isEqualTo(9.0);
        String generation = kube.client().apps().deployments().inNamespace("shop").withName("checkout").get()
                .getMetadata().getGeneration().toString();

        // 4. A second person approves; the deployment is restarted on the API server; the rollout completes.
        press(slack, RunMessages.APPROVE, runId + ":1:approve:" + id, "UAPPROVER", channel[0], "approve");
        await().atMost(Duration.ofSeconds(30)).until(() -> kube.client().apps().deployments().inNamespace("shop")
                .withName("checkout").get().getSpec().getTemplate().getMetadata().getAnnotations() != null);
        kube.completeRollout("shop", "checkout");
        JsonNode run = awaitStatus(api, runId, "SUCCEEDED");
        Deployment restarted = kube.client().apps().deployments().inNamespace("shop").withName("checkout").get();
        assertThat(restarted.getMetadata().getGeneration().toString()).isNotEqualTo(generation);
        assertThat(restarted.getSpec().getTemplate().getMetadata().getAnnotations()).containsKey("kubectl.kubernetes.io/restartedAt");
        assertThat(kube.client().apps().replicaSets().inNamespace("shop").withLabel("app", "checkout").list().getItems())
                .as("exactly one restart").hasSize(2);
        List<String> steps = new java.util.ArrayList<>();
        run.path("steps").forEach(s -> steps.add(s.path("id").asString() + "=" + s.path("status").asString()));
        assertThat(steps).startsWith("restarts=SUCCEEDED", "approve=APPROVED", "restart=SUCCEEDED")
                .endsWith("rollout=SUCCEEDED");

        // 5. Each step in the channel (one message, edited in place) and on the timeline; the post-mortem lists the run.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            FakeSlack.Message message = runMessage(channel[0], runId);
            assertThat(message.text).contains("succeeded");
            assertThat(message.blocks).contains("restarts").contains("approve").contains("restart").contains("rollout")
                    .doesNotContain(RunMessages.APPROVE);
            assertThat(message.updates.get()).isPositive();
        });
        String timeline = api.get("/api/incidents/" + id + "/timeline").body();
        assertThat(timeline).contains("step restarts (prometheus.query) succeeded")
                .contains("step approve (approval) approved").contains("step restart (kubernetes.rollout-restart) succeeded")
                .contains("step rollout (kubernetes.wait-rollout) succeeded");
        String postmortem = api.get("/api/incidents/" + id + "/postmortem").body();
        assertThat(postmortem).contains("Runbooks executed").contains("Runbook crash-loop-e2e run #" + runId)
                .contains("step restart (kubernetes.rollout-restart) succeeded");
        assertThat(card.blocks).contains("incident.runbook:crash-loop-e2e");
    }

    FakeSlack.Message runMessage(String channel, long runId) {
        return SLACK.messages(channel).stream().filter(m -> m.text != null && m.text.startsWith("Runbook run #" + runId + " "))
                .findFirst().orElse(null);
    }

    static JsonNode awaitStatus(HttpTestClient api, long runId, String status) {
        JsonNode[] run = new JsonNode[1];
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            run[0] = api.get("/api/runbook-runs/" + runId).json();
            assertThat(run[0].path("status").asString()).isEqualTo(status);
        });
        return run[0];
    }

    static void press(SignedSlackRequests slack, String actionId, String value, String userId, String channel,
                      String responseId) throws Exception {
        String payload = SignedSlackRequests.json(Map.of("type", "block_actions",
                "user", Map.of("id", userId, "username", userId.toLowerCase(), "name", userId.toLowerCase(), "team_id", "T1"),
                "api_app_id", "A1", "token", "x", "trigger_id", "1.2.3",
                "team", Map.of("id", "T1", "domain", "firebreak-test"),
                "channel", Map.of("id", channel, "name", "inc"),
                "response_url", SLACK.responseUrl(responseId),
                "actions", List.of(Map.of("action_id", actionId, "block_id", "b", "type", "button", "value", value,
                        "action_ts", "1714000000.000001"))));
        assertThat(slack.send(SignedSlackRequests.form(Map.of("payload", payload)), FORM).statusCode()).isEqualTo(200);
    }
}
