package dev.firebreak.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.firebreak.slack.FakeSlack;
import dev.firebreak.slack.SignedSlackRequests;
import dev.firebreak.support.FirebreakTest;
import dev.firebreak.support.HttpTestClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Runbooks through the real doors: Alertmanager webhook, signed Slack commands and buttons (FakeSlack at the HTTP
 * level), the REST API, and {@code http.request} steps against a real local HTTP server. Approvals (allowed approver,
 * refused users, deadline), secret masking everywhere, injection refusal, undefined template variables, dry runs and
 * the 409 of a concurrency skip.
 */
@ExtendWith(OutputCaptureExtension.class)
@FirebreakTest(
        properties = {
            "firebreak.api.token=test-token",
            "firebreak.alertmanager.bearer-token=am-token",
            "firebreak.slack.bot-token=xoxb-runbooks",
            "firebreak.slack.signing-secret=" + RunbookFlowTest.SIGNING,
            "firebreak.slack.card-update-interval=100ms",
            "firebreak.outbox.poll-interval=50ms",
            "firebreak.outbox.base-backoff=100ms",
            "firebreak.runbooks.poll-interval=50ms",
            "firebreak.runbooks.library=false",
            "firebreak.runbooks.http.allowed-hosts=127.0.0.1",
            "firebreak.runbooks.http.allowed-networks=127.0.0.0/8",
            "firebreak.runbooks.secrets.api-key=" + RunbookFlowTest.SECRET
        })
class RunbookFlowTest {

    static final String SIGNING = "runbook-signing-secret";
    static final String SECRET = "s3cr3t-Zq81-value";
    static final String FORM = "application/x-www-form-urlencoded";
    static final FakeSlack SLACK = new FakeSlack();
    static final TargetServer TARGET = start();
    static final AtomicInteger SEQ = new AtomicInteger();

    static TargetServer start() {
        try {
            return new TargetServer();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) {
        registry.add("firebreak.slack.api-url", SLACK::url);
        String base = TARGET.url();
        registry.add(
                "firebreak.runbooks.path",
                () -> TestRunbooks.folder(Map.of(
                        "guarded", """
                        id: guarded
                        title: Guarded change
                        triggers:
                          - when: 'alert.labels.alertname == "GuardedTest"'
                        inputs:
                          target:
                            type: string
                            default: '{{ alert.labels.target }}'
                        policy:
                          approve-by: [UAPPROVER, UOTHERAPPROVER]
                          approver-not-requester: true
                        steps:
                          - id: look
                            type: http.request
                            with:
                              url: 'BASE/look?t={{ inputs.target }}'
                          - id: ask
                            type: approval
                            with:
                              message: 'Act on {{ inputs.target }}?'
                          - id: act
                            type: http.request
                            with:
                              url: 'BASE/act'
                              method: POST
                              headers:
                                Authorization: "Bearer {{ secret('api-key') }}"
                              body: "target={{ inputs.target }} key={{ secret('api-key') }}"
                          - id: tell
                            type: slack.post
                            with:
                              text: "Acted on {{ inputs.target }} with key {{ secret('api-key') }}"
                        """.replace("BASE", base),
                        "quick-deny", """
                        id: quick-deny
                        title: Approval that nobody gives
                        policy:
                          approve-by: [UAPPROVER]
                        steps:
                          - id: ask
                            type: approval
                            timeout: 1s
                            with:
                              message: 'Nobody will answer'
                          - id: act
                            type: http.request
                            with:
                              url: 'BASE/never'
                              method: POST
                        """.replace("BASE", base),
                        "keyed", """
                        id: keyed
                        title: One at a time
                        inputs:
                          target:
                            type: string
                        policy:
                          concurrency:
                            key: '{{ inputs.target }}'
                            on-conflict: skip
                          approve-by: [UAPPROVER]
                        steps:
                          - id: ask
                            type: approval
                            with:
                              message: 'Hold the key'
                        """,
                        "undefined", """
                        id: undefined
                        title: Uses a label the alert does not have
                        steps:
                          - id: note
                            type: timeline.note
                            with:
                              text: 'Owner is {{ alert.labels.nosuchlabel }}'
                        """,
                        "queued", """
                        id: queued
                        title: One at a time, the next one waits
                        inputs:
                          target:
                            type: string
                        policy:
                          concurrency:
                            key: '{{ inputs.target }}'
                            on-conflict: queue
                          rate:
                            max: 2
                            per: 1h
                          approve-by: [UAPPROVER]
                        steps:
                          - id: ask
                            type: approval
                            with:
                              message: 'Hold the key'
                        """,
                        "auto-note", """
                        id: auto-note
                        title: Note on arrival
                        triggers:
                          - when: 'alert.labels.alertname == "AutoTest"'
                            auto: true
                            once-per: incident
                        steps:
                          - id: note
                            type: timeline.note
                            with:
                              text: 'Auto runbook saw {{ alert.labels.alertname }}'
                        """,
                        "dry", """
                        id: dry
                        title: Read, then change
                        steps:
                          - id: look
                            type: http.request
                            with:
                              url: 'BASE/look'
                          - id: act
                            type: http.request
                            with:
                              url: 'BASE/act-dry'
                              method: POST
                              body: "key={{ secret('api-key') }}"
                        """.replace("BASE", base))));
    }

    @AfterAll
    static void stop() throws Exception {
        SLACK.close();
        TARGET.close();
    }

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    HttpTestClient api;
    SignedSlackRequests slack;

    @BeforeEach
    void setUp() {
        api = HttpTestClient.on(port).bearer("test-token");
        slack = new SignedSlackRequests(SIGNING, port);
        TARGET.echo = "token " + SECRET + " and xoxb-1234567890-abcdef";
    }

    /** Opens an incident from an alert and waits for its Slack channel; returns {id, channel}. */
    String[] incident(Map<String, String> labels) {
        HttpTestClient.Response r =
                HttpTestClient.on(port).bearer("am-token").post("/webhooks/alertmanager", TestRunbooks.firing(labels));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String id = r.json().findValue("incidentId").asString();
        String[] channel = new String[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            channel[0] = api.get("/api/incidents/" + id)
                    .json()
                    .path("slackChannelId")
                    .asString(null);
            return channel[0] != null && !channel[0].isBlank();
        });
        return new String[] {id, channel[0]};
    }

    JsonNode awaitRun(long runId, String status) {
        JsonNode[] run = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            run[0] = api.get("/api/runbook-runs/" + runId).json();
            assertThat(run[0].path("status").asString()).isEqualTo(status);
        });
        return run[0];
    }

    HttpResponse<String> press(String actionId, String value, String userId, String channel, String responseId)
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
        return slack.send(SignedSlackRequests.form(Map.of("payload", payload)), FORM);
    }

    HttpResponse<String> command(String text, String channel, String userId, String responseId) throws Exception {
        Map<String, String> form = new java.util.LinkedHashMap<>(
                SignedSlackRequests.slashCommand("/incident", text, channel, userId, SLACK.responseUrl(responseId)));
        return slack.send(SignedSlackRequests.form(form), FORM);
    }

    /** The run's one message in the channel (by its fallback text). */
    FakeSlack.Message runMessage(String channel, long runId) {
        return SLACK.messages(channel).stream()
                .filter(m -> m.text != null && m.text.startsWith("Runbook run #" + runId + " "))
                .findFirst()
                .orElse(null);
    }

    @Test
    void aResponderRunsFromSlackOnlyAnApproverWhoIsNotTheRequesterApprovesAndSecretsNeverShow(CapturedOutput logs)
            throws Exception {
        String[] inc = incident(Map.of("alertname", "GuardedTest", "target", "checkout", "severity", "warning"));
        String id = inc[0];
        String channel = inc[1];

        // The status card offers the matching runbook.
        await().atMost(Duration.ofSeconds(20))
                .until(() -> SLACK.messages(channel).stream()
                        .anyMatch(m -> m.blocks != null && m.blocks.contains("incident.runbook:guarded")));

        // /incident runbook list shows it first, as matching.
        String list = "list-" + SEQ.incrementAndGet();
        command("runbook list", channel, "UREQ", list);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !SLACK.responses(list).isEmpty());
        assertThat(SLACK.responses(list).get(0)).contains("`guarded`").contains("matches this incident");
        // A permitted responder runs it.
        String ran = "run-" + SEQ.incrementAndGet();
        assertThat(command("runbook run guarded", channel, "UREQ", ran).statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> !SLACK.responses(ran).isEmpty());
        assertThat(SLACK.responses(ran).get(0)).contains("Run #");
        JsonNode runs = api.get("/api/incidents/" + id + "/runbook-runs").json();
        long runId = runs.get(0).path("id").asLong();

        // It reads, then waits for approval: the run message shows Approve/Deny.
        awaitRun(runId, "WAITING");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> runMessage(channel, runId) != null
                        && runMessage(channel, runId).blocks.contains(RunMessages.APPROVE));
        assertThat(TARGET.requests("/look"))
                .filteredOn(r -> "t=checkout".equals(r.query()))
                .hasSize(1);
        String value = runId + ":1:ask:" + id;

        // The requester may not approve; neither may someone who is not an approver: both refused, on the timeline.
        String self = "self-" + SEQ.incrementAndGet();
        press(RunMessages.APPROVE, value, "UREQ", channel, self);
        String stranger = "stranger-" + SEQ.incrementAndGet();
        press(RunMessages.APPROVE, value, "USTRANGER", channel, stranger);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !SLACK.responses(self).isEmpty()
                        && !SLACK.responses(stranger).isEmpty());
        assertThat(SLACK.responses(self).get(0)).contains("ephemeral").contains("cannot approve its changes");
        assertThat(SLACK.responses(stranger).get(0)).contains("ephemeral").contains("only UAPPROVER");
        assertThat(api.get("/api/runbook-runs/" + runId).json().path("status").asString())
                .isEqualTo("WAITING");
        assertThat(TARGET.requests("/act")).isEmpty();
        String timeline = api.get("/api/incidents/" + id + "/timeline").body();
        assertThat(timeline).contains("tried to decide the approval of step ask and was refused");

        // An approver approves: the change is made once, with the secret, and reported.
        String ok = "ok-" + SEQ.incrementAndGet();
        press(RunMessages.APPROVE, value, "UAPPROVER", channel, ok);
        JsonNode run = awaitRun(runId, "SUCCEEDED");
        assertThat(TARGET.requests("/act")).hasSize(1);
        assertThat(TARGET.requests("/act").get(0).authorization()).isEqualTo("Bearer " + SECRET);
        assertThat(TARGET.requests("/act").get(0).body()).isEqualTo("target=checkout key=" + SECRET);
        // A second click changes nothing.
        String again = "again-" + SEQ.incrementAndGet();
        press(RunMessages.APPROVE, value, "UOTHERAPPROVER", channel, again);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !SLACK.responses(again).isEmpty());
        assertThat(SLACK.responses(again).get(0)).contains("no longer open");
        assertThat(TARGET.requests("/act")).hasSize(1);

        // Steps with status, timestamps and masked outputs in the API.
        assertThat(run.path("steps"))
                .extracting(
                        s -> s.path("id").asString() + "=" + s.path("status").asString())
                .containsExactly("look=SUCCEEDED", "ask=APPROVED", "act=SUCCEEDED", "tell=SUCCEEDED");
        assertThat(run.path("steps").get(1).path("decidedBy").asString()).contains("UAPPROVER");
        String apiText = api.get("/api/runbook-runs/" + runId).body();
        assertThat(apiText).contains("********").doesNotContain(SECRET).doesNotContain("xoxb-1234567890");

        // Slack: the run message (edited in place, one per run) and the slack.post, both masked.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(runMessage(channel, runId).text).contains("succeeded");
            assertThat(SLACK.messages(channel))
                    .anyMatch(m -> m.text != null && m.text.startsWith("Acted on checkout with key ********"));
        });
        assertThat(SLACK.messages(channel).stream()
                        .filter(m -> m.text != null && m.text.startsWith("Runbook run #" + runId + " ")))
                .hasSize(1);
        for (FakeSlack.Call call : SLACK.calls()) {
            assertThat(String.valueOf(call.params())).doesNotContain(SECRET).doesNotContain("xoxb-1234567890");
        }

        // Timeline: runbook.step entries for each step, masked.
        String after = api.get("/api/incidents/" + id + "/timeline").body();
        assertThat(after)
                .contains("runbook.step")
                .contains("step look (http.request) succeeded")
                .contains("step act (http.request) succeeded")
                .doesNotContain(SECRET);

        // Post-mortem: "Runbooks executed" lists the run, masked.
        String postmortem = api.get("/api/incidents/" + id + "/postmortem").body();
        assertThat(postmortem)
                .contains("Runbooks executed")
                .contains("Runbook guarded run \\#" + runId)
                .contains("step act (http.request) succeeded")
                .doesNotContain(SECRET);

        // Logs: never the secret.
        assertThat(logs.getAll()).doesNotContain(SECRET);
    }

    @Test
    void anAutoRunbookStartsByItselfOncePerIncidentWhateverTheRedeliveries() throws Exception {
        String body = TestRunbooks.firing(Map.of("alertname", "AutoTest", "severity", "warning"));
        HttpTestClient webhook = HttpTestClient.on(port).bearer("am-token");
        HttpTestClient.Response first = webhook.post("/webhooks/alertmanager", body);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        String id = first.json().findValue("incidentId").asString();
        // Redelivered, and then with a second alert in the group (the incident's alerts change).
        assertThat(webhook.post("/webhooks/alertmanager", body).status()).isEqualTo(200);
        String more = body.replace(
                "\"alerts\":[",
                "\"alerts\":[{\"status\":\"firing\",\"labels\":{\"alertname\":"
                        + "\"AutoTest\",\"severity\":\"warning\",\"pod\":\"b\"},\"annotations\":{},\"startsAt\":"
                        + "\"2026-12-01T01:01:00Z\",\"endsAt\":\"0001-01-01T00:00:00Z\",\"fingerprint\":\"ffff000011112222\"},");
        assertThat(webhook.post("/webhooks/alertmanager", more).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/incidents/" + id)
                                .json()
                                .path("alertCount")
                                .asInt()
                        == 2);
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        api.get("/api/incidents/" + id + "/runbook-runs").json().size() == 1
                                && api.get("/api/incidents/" + id + "/runbook-runs")
                                        .json()
                                        .get(0)
                                        .path("status")
                                        .asString()
                                        .equals("SUCCEEDED"));
        JsonNode run = api.get("/api/incidents/" + id + "/runbook-runs").json().get(0);
        assertThat(run.path("runbook").asString()).isEqualTo("auto-note");
        assertThat(run.path("requestedVia").asString()).isEqualTo("auto");
        assertThat(api.get("/api/incidents/" + id + "/timeline").body()).contains("Auto runbook saw AutoTest");
        // Every auto-start task has run (the outbox is drained) and none started a second run.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "SELECT COUNT(*) FROM outbox_task WHERE kind = 'runbook.auto-start' AND status = 'PENDING'",
                                Integer.class)
                        == 0);
        assertThat(api.get("/api/incidents/" + id + "/runbook-runs").json()).hasSize(1);
    }

    @Test
    void anApprovalNobodyGivesIsDeniedAtItsDeadlineAndTheChangeIsNeverMade() throws Exception {
        String[] inc = incident(Map.of("alertname", "DenyTest", "severity", "warning"));
        HttpTestClient.Response started =
                api.post("/api/incidents/" + inc[0] + "/runbook-runs", "{\"runbook\":\"quick-deny\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        long runId = started.json().path("id").asLong();
        JsonNode run = awaitRun(runId, "FAILED");
        assertThat(run.path("steps").get(0).path("status").asString()).isEqualTo("DENIED");
        assertThat(run.path("reason").asString()).contains("denied");
        assertThat(run.path("steps")).hasSize(1);
        assertThat(TARGET.requests("/never")).isEmpty();
    }

    @Test
    void inputsFromAlertsCarryingInjectionTextAreRefusedWith400AndNothingStarts() throws Exception {
        String[] inc = incident(Map.of("alertname", "GuardedTest", "target", "x;reboot", "severity", "warning"));
        HttpTestClient.Response r = api.post("/api/incidents/" + inc[0] + "/runbook-runs", "{\"runbook\":\"guarded\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().path("error").asString()).isEqualTo("run_refused");
        assertThat(r.json().path("message").asString()).contains("target");
        HttpTestClient.Response given = api.post(
                "/api/incidents/" + inc[0] + "/runbook-runs",
                "{\"runbook\":\"guarded\",\"inputs\":{\"target\":\"$(curl evil)\"}}");
        assertThat(given.status()).as(given.body()).isEqualTo(400);
        assertThat(api.post("/api/incidents/" + inc[0] + "/runbook-runs", "{\"runbook\":\"nope\"}")
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/api/incidents/" + inc[0] + "/runbook-runs", "{\"inputs\":{}}")
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/incidents/" + inc[0] + "/runbook-runs").json()).isEmpty();
    }

    @Test
    void anUndefinedTemplateVariableFailsTheStepSayingWhichNeverAnEmptyString() throws Exception {
        String[] inc = incident(Map.of("alertname", "UndefinedTest", "severity", "warning"));
        HttpTestClient.Response r =
                api.post("/api/incidents/" + inc[0] + "/runbook-runs", "{\"runbook\":\"undefined\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode run = awaitRun(r.json().path("id").asLong(), "FAILED");
        assertThat(run.path("steps").get(0).path("status").asString()).isEqualTo("FAILED");
        assertThat(run.path("steps").get(0).path("error").asString()).contains("nosuchlabel");
        assertThat(api.get("/api/incidents/" + inc[0] + "/timeline").body()).doesNotContain("Owner is ");
    }

    @Test
    void aSecondRunOnAHeldConcurrencyKeyIs409AndAnotherKeyStarts() throws Exception {
        String[] inc = incident(Map.of("alertname", "KeyTest", "severity", "warning"));
        String path = "/api/incidents/" + inc[0] + "/runbook-runs";
        HttpTestClient.Response first = api.post(path, "{\"runbook\":\"keyed\",\"inputs\":{\"target\":\"cart\"}}");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        HttpTestClient.Response second = api.post(path, "{\"runbook\":\"keyed\",\"inputs\":{\"target\":\"cart\"}}");
        assertThat(second.status()).as(second.body()).isEqualTo(409);
        assertThat(second.json().path("error").asString()).isEqualTo("concurrency_conflict");
        HttpTestClient.Response other = api.post(path, "{\"runbook\":\"keyed\",\"inputs\":{\"target\":\"shop\"}}");
        assertThat(other.status()).isEqualTo(201);
        // Cancelled, the key is free again.
        long firstId = first.json().path("id").asLong();
        assertThat(api.post("/api/runbook-runs/" + firstId + "/cancel", "{}").status())
                .isEqualTo(200);
        awaitRun(firstId, "CANCELLED");
        assertThat(api.post(path, "{\"runbook\":\"keyed\",\"inputs\":{\"target\":\"cart\"}}")
                        .status())
                .isEqualTo(201);
    }

    @Test
    void onConflictQueueWaitsForTheKeyAndTheRateLimitRefusesWith429() throws Exception {
        String[] inc = incident(Map.of("alertname", "QueueTest", "severity", "warning"));
        String path = "/api/incidents/" + inc[0] + "/runbook-runs";
        HttpTestClient.Response first = api.post(path, "{\"runbook\":\"queued\",\"inputs\":{\"target\":\"q\"}}");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        long firstId = first.json().path("id").asLong();
        awaitRun(firstId, "WAITING");
        HttpTestClient.Response second = api.post(path, "{\"runbook\":\"queued\",\"inputs\":{\"target\":\"q\"}}");
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        assertThat(second.json().path("status").asString()).isEqualTo("QUEUED");
        long secondId = second.json().path("id").asLong();
        HttpTestClient.Response third = api.post(path, "{\"runbook\":\"queued\",\"inputs\":{\"target\":\"q\"}}");
        assertThat(third.status()).as(third.body()).isEqualTo(429);
        assertThat(third.json().path("error").asString()).isEqualTo("rate_limited");
        assertThat(api.get("/api/runbook-runs/" + secondId).json().path("steps"))
                .isEmpty();
        // The first run ends: the queued one takes the key and starts.
        assertThat(api.post("/api/runbook-runs/" + firstId + "/cancel", "{}").status())
                .isEqualTo(200);
        awaitRun(firstId, "CANCELLED");
        JsonNode started = awaitRun(secondId, "WAITING");
        assertThat(started.path("steps").get(0).path("status").asString()).isEqualTo("AWAITING_APPROVAL");
        assertThat(api.post("/api/runbook-runs/" + secondId + "/cancel", "{}").status())
                .isEqualTo(200);
        awaitRun(secondId, "CANCELLED");
    }

    @Test
    void aDryRunReadsForRealAndRecordsWhatTheChangeWouldHaveSentWithoutSendingIt() throws Exception {
        String[] inc = incident(Map.of("alertname", "DryTest", "severity", "warning"));
        int looks = TARGET.requests("/look").size();
        HttpTestClient.Response r =
                api.post("/api/incidents/" + inc[0] + "/runbook-runs", "{\"runbook\":\"dry\",\"dryRun\":true}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode run = awaitRun(r.json().path("id").asLong(), "SUCCEEDED");
        assertThat(run.path("dryRun").asBoolean()).isTrue();
        assertThat(TARGET.requests("/look")).hasSize(looks + 1);
        assertThat(TARGET.requests("/act-dry")).isEmpty();
        JsonNode act = run.path("steps").get(1);
        assertThat(act.path("status").asString()).isEqualTo("PLANNED");
        assertThat(act.path("planned").path("verb").asString()).isEqualTo("POST");
        assertThat(act.path("planned").path("target").asString()).contains("/act-dry");
        assertThat(act.path("planned").path("body").asString()).isEqualTo("key=********");
    }

    /**
     * Issue 9, defect 4, for runbook messages: Slack posts the run's message, then the connection drops before its
     * answer (what a kill or a network cut mid-call looks like). The retry finds the message in the channel's
     * history instead of posting again: the run still has exactly one message, edited in place.
     */
    @Test
    void theRunMessageLandsOnceWhenSlacksAnswerIsLost() throws Exception {
        String[] inc = incident(Map.of("alertname", "DropTest", "severity", "warning"));
        // The incident's own card first, so that the next chat.postMessage is the run's message.
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        SLACK.messages(inc[1]).stream().anyMatch(m -> m.blocks != null && m.blocks.contains(inc[0])));
        SLACK.dropAfterApplying("chat.postMessage", 1);
        HttpTestClient.Response r =
                api.post("/api/incidents/" + inc[0] + "/runbook-runs", "{\"runbook\":\"dry\",\"dryRun\":true}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long runId = r.json().path("id").asLong();
        awaitRun(runId, "SUCCEEDED");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(jdbc.queryForObject(
                                "SELECT COUNT(*) FROM outbox_task WHERE incident_id = ? AND status <> 'DONE'",
                                Long.class,
                                java.util.UUID.fromString(inc[0])))
                        .isZero());

        assertThat(SLACK.calls("chat.postMessage"))
                .filteredOn(c -> "dropped".equals(c.error())
                        && c.param("text") != null
                        && c.param("text").startsWith("Runbook run #" + runId + " "))
                .hasSize(1);
        assertThat(SLACK.messages(inc[1]))
                .filteredOn(m -> m.text != null && m.text.startsWith("Runbook run #" + runId + " "))
                .hasSize(1);
    }
}
