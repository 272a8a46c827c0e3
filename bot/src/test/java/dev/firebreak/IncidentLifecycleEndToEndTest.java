package dev.firebreak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.firebreak.integrations.pagerduty.FakePagerDuty;
import dev.firebreak.paging.PagerDutyWebhooks;
import dev.firebreak.slack.FakeSlack;
import dev.firebreak.slack.SignedSlackRequests;
import dev.firebreak.slack.SlackActions;
import dev.firebreak.support.FirebreakTest;
import dev.firebreak.system.outbox.OutboxTasks;
import dev.firebreak.system.outbox.OutboxWorker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole product through its real doors, with Slack and PagerDuty faked at the HTTP level only: an
 * Alertmanager notification opens an incident, a Slack channel with a pinned card and an announcement, and a
 * PagerDuty page; a PagerDuty webhook and Slack commands and buttons drive the lifecycle; the card changes in
 * place; PagerDuty follows; the post-mortem draft is right and reaches the incident's channel.
 */
@FirebreakTest(
        properties = {
            "firebreak.api.token=test-token",
            "firebreak.alertmanager.bearer-token=am-token",
            "firebreak.slack.bot-token=xoxb-e2e",
            "firebreak.slack.signing-secret=e2e-signing-secret",
            "firebreak.slack.card-update-interval=200ms",
            "firebreak.outbox.poll-interval=50ms",
            "firebreak.outbox.base-backoff=200ms"
        })
class IncidentLifecycleEndToEndTest {

    static final FakeSlack SLACK = new FakeSlack();
    static final FakeSlack.Channel ANNOUNCE = SLACK.addChannel("incidents", "UADMIN", "every incident");
    static final FakePagerDuty PD = new FakePagerDuty();
    static final JsonMapper JSON = JsonMapper.builder().build();

    static {
        PD.addUser("PBOT001", "Firebreak Bot", FakePagerDuty.FROM);
    }

    static final String FORM = "application/x-www-form-urlencoded";

    @DynamicPropertySource
    static void vendors(DynamicPropertyRegistry registry) {
        registry.add("firebreak.slack.api-url", SLACK::url);
        registry.add("firebreak.slack.announce-channel", () -> ANNOUNCE.id);
        registry.add("firebreak.pagerduty.api-token", () -> FakePagerDuty.API_TOKEN);
        registry.add("firebreak.pagerduty.from-email", () -> FakePagerDuty.FROM);
        registry.add("firebreak.pagerduty.api-url", PD::restBaseUrl);
        registry.add("firebreak.pagerduty.events-url", PD::eventsBaseUrl);
        registry.add("firebreak.pagerduty.webhook-secret", () -> "whsec-e2e");
        registry.add("firebreak.pagerduty.client-retries", () -> "0");
        registry.add("firebreak.pagerduty.routing.default-routing-key", () -> FakePagerDuty.ROUTING_KEY);
    }

    @AfterAll
    static void stop() throws Exception {
        SLACK.close();
        PD.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    OutboxTasks outboxTasks;

    @Autowired
    OutboxWorker worker;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void alertToChannelToPagerDutyToPostmortem() throws Exception {
        // 1. Alertmanager delivers (twice: a retry after a timeout must not duplicate anything).
        String firing = Files.readString(Path.of("src/test/resources/fixtures/alertmanager/firing-two-pods.json"));
        assertThat(post("/webhooks/alertmanager", firing, "Bearer am-token").statusCode())
                .isEqualTo(200);
        assertThat(post("/webhooks/alertmanager", firing, "Bearer am-token").statusCode())
                .isEqualTo(200);

        List<JsonNode> matching = new java.util.ArrayList<>();
        JSON.readTree(get("/api/incidents").body()).path("items").forEach(i -> {
            if (i.path("title").asString().equals("Checkout 5xx ratio above 5%")) {
                matching.add(i);
            }
        });
        assertThat(matching).as("one incident for two deliveries").hasSize(1);
        JsonNode incident = matching.get(0);
        String id = incident.path("id").asString();
        long number = incident.path("number").asLong();
        assertThat(incident.path("severity").asString()).isEqualTo("SEV2");
        assertThat(incident.path("alertCount").asInt()).isEqualTo(2);

        // 2. Slack: one channel, topic, pinned card, announcement linking to the channel.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(channelCreations(number)).isEqualTo(1);
            FakeSlack.Channel c = SLACK.channels().stream()
                    .filter(ch -> ch.name.startsWith("inc-" + number + "-"))
                    .findFirst()
                    .orElseThrow();
            assertThat(c.pins).hasSize(1);
            assertThat(announcements(c)).hasSize(1);
        });
        FakeSlack.Channel channel = SLACK.channels().stream()
                .filter(c -> c.name.startsWith("inc-" + number + "-"))
                .findFirst()
                .orElseThrow();
        assertThat(channel.name).isEqualTo("inc-" + number + "-checkout-5xx-ratio-above-5");
        assertThat(channel.topic).contains("INC-" + number).contains("SEV2");
        FakeSlack.Message card = SLACK.message(channel.id, channel.pins.get(0));
        assertThat(card.blocks).contains("Checkout 5xx ratio above 5%").contains(SlackActions.ACKNOWLEDGE);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(
                                JSON.readTree(get("/api/incidents/" + id).body())
                                        .path("slackChannelId")
                                        .asString())
                        .isEqualTo(channel.id));

        // 3. PagerDuty: SEV2 pages once, with a stable dedup key.
        String dedupKey = "firebreak-" + id;
        await().atMost(Duration.ofSeconds(30)).until(() -> !PD.events(dedupKey).isEmpty());
        assertThat(PD.events(dedupKey))
                .extracting(e -> e.path("event_action").asString())
                .containsExactly("trigger");

        // 4. Acknowledge from Slack with the slash command in the incident channel: the card changes in place
        //    and PagerDuty is acknowledged with the same dedup key.
        HttpResponse<String> ack = slack(SignedSlackRequests.form(
                SignedSlackRequests.slashCommand("/incident", "ack", channel.id, "U1", SLACK.responseUrl("ack"))));
        assertThat(ack.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(status(id)).isEqualTo("ACKNOWLEDGED");
            assertThat(card.updates.get()).isPositive();
            assertThat(card.blocks).contains("Acknowledged");
            assertThat(PD.events(dedupKey))
                    .extracting(e -> e.path("event_action").asString())
                    .containsExactly("trigger", "acknowledge");
        });

        // 5. A note from Slack.
        slack(SignedSlackRequests.form(SignedSlackRequests.slashCommand(
                "/incident", "note Rolled back checkout to v41", channel.id, "U1", SLACK.responseUrl("note"))));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> get("/api/incidents/" + id + "/timeline").body().contains("Rolled back checkout to v41"));

        // 6. Resolve with the card's button; PagerDuty resolves; the draft reaches the channel.
        String payload = SignedSlackRequests.json(Map.of(
                "type",
                "block_actions",
                "user",
                Map.of("id", "U2", "username", "bob", "name", "bob", "team_id", "T1"),
                "api_app_id",
                "A1",
                "token",
                "x",
                "trigger_id",
                "1.2.3",
                "team",
                Map.of("id", "T1", "domain", "firebreak-test"),
                "container",
                Map.of("type", "message", "message_ts", card.ts, "channel_id", channel.id),
                "channel",
                Map.of("id", channel.id, "name", channel.name),
                "response_url",
                SLACK.responseUrl("resolve"),
                "actions",
                List.of(Map.of(
                        "action_id",
                        SlackActions.RESOLVE,
                        "block_id",
                        "incident-card:" + id,
                        "type",
                        "button",
                        "value",
                        id,
                        "action_ts",
                        "1714000000.000001"))));
        assertThat(slack(SignedSlackRequests.form(Map.of("payload", payload))).statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(status(id)).isEqualTo("RESOLVED");
            assertThat(PD.events(dedupKey))
                    .extracting(e -> e.path("event_action").asString())
                    .containsExactly("trigger", "acknowledge", "resolve");
            assertThat(SLACK.sharedFiles())
                    .filteredOn(f -> f.channel().equals(channel.id))
                    .hasSize(1);
        });
        FakeSlack.SharedFile draft = SLACK.sharedFiles().stream()
                .filter(f -> f.channel().equals(channel.id))
                .findFirst()
                .orElseThrow();
        assertThat(draft.content())
                .contains("INC-" + number)
                .contains("Rolled back checkout to v41")
                .contains("HighErrorRate");
        assertThat(card.blocks).contains("Resolved");

        // 7. The API's draft is the same document, and nothing was duplicated along the way.
        HttpResponse<String> md = get("/api/incidents/" + id + "/postmortem");
        assertThat(md.headers().firstValue("Content-Type").orElse("")).startsWith("text/markdown");
        assertThat(md.body()).contains("Rolled back checkout to v41").contains("Time to acknowledge");
        assertThat(channelCreations(number)).isEqualTo(1);
        assertThat(channel.pins).hasSize(1);
        assertThat(announcements(channel)).hasSize(1);
        assertThat(PD.violations()).isEmpty();
        assertThat(get("/api/incidents/" + id + "/timeline").body())
                .as("no integration warnings")
                .doesNotContain("integration.warning");
    }

    private static long channelCreations(long number) {
        return SLACK.okCalls("conversations.create").stream()
                .filter(c -> c.param("name").startsWith("inc-" + number + "-"))
                .count();
    }

    private static List<FakeSlack.Message> announcements(FakeSlack.Channel channel) {
        return SLACK.messages(ANNOUNCE.id).stream()
                .filter(m -> m.text != null && m.text.contains("<#" + channel.id))
                .toList();
    }

    @Test
    void aPagerDutyAcknowledgementReachesTheIncidentAndIsNotEchoedBack() throws Exception {
        // Another group (another cluster) of critical alerts: SEV2, so it pages.
        String body = Files.readString(Path.of("src/test/resources/fixtures/alertmanager/firing-two-pods.json"))
                .replace("prod-eu-1", "prod-us-2")
                .replace("Checkout 5xx ratio above 5%", "US checkout errors");
        JsonNode answer = JSON.readTree(
                post("/webhooks/alertmanager", body, "Bearer am-token").body());
        String id = answer.findValue("incidentId") != null
                ? answer.findValue("incidentId").asString()
                : answer.findValue("id").asString();
        String dedupKey = "firebreak-" + id;
        await().atMost(Duration.ofSeconds(30)).until(() -> PD.incidentByKey(dedupKey) != null);
        String pdIncident = PD.incidentByKey(dedupKey).path("id").asString();

        String ackEvent = PagerDutyWebhooks.incidentEvent(
                "EVT-E2E-1",
                "incident.acknowledged",
                pdIncident,
                dedupKey,
                "PJANE",
                "Jane Oncall",
                List.of("Jane Oncall"));
        assertThat(PagerDutyWebhooks.postSigned(port, ackEvent, "whsec-e2e").statusCode())
                .isBetween(200, 202);
        await().atMost(Duration.ofSeconds(15)).until(() -> "ACKNOWLEDGED".equals(status(id)));
        // The change and the tasks it causes commit together: nothing was queued to send PagerDuty's own change back.
        assertThat(outboxTasks.findAll())
                .noneMatch(t -> UUID.fromString(id).equals(t.getIncidentId())
                        && t.getKind().startsWith("pagerduty.")
                        && t.getKind().contains("ack"));
        worker.drain(20);
        assertThat(PD.events(dedupKey))
                .extracting(e -> e.path("event_action").asString())
                .containsExactly("trigger");
        assertThat(get("/api/incidents/" + id + "/timeline").body()).contains("Jane Oncall");
    }

    private String status(String id) throws Exception {
        return JSON.readTree(get("/api/incidents/" + id).body()).path("status").asString();
    }

    private HttpResponse<String> slack(String form) throws Exception {
        return new SignedSlackRequests("e2e-signing-secret", port).send(form, FORM);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Bearer test-token")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, String authorization) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", authorization)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
