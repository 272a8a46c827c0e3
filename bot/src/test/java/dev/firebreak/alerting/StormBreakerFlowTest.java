package dev.firebreak.alerting;

import static dev.firebreak.alerting.StormNotifications.firing;
import static dev.firebreak.alerting.StormNotifications.groupKey;
import static dev.firebreak.alerting.StormNotifications.resolved;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.firebreak.alerting.WebhookClient.Answer;
import dev.firebreak.integrations.pagerduty.FakePagerDuty;
import dev.firebreak.slack.FakeSlack;
import dev.firebreak.slack.SignedSlackRequests;
import dev.firebreak.support.FirebreakTest;
import dev.firebreak.support.MutableClock;
import dev.firebreak.support.TestClock;
import dev.firebreak.system.outbox.OutboxWorker;
import dev.firebreak.timeline.TimelineKinds;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The storm breaker through the real webhook, Slack and PagerDuty fakes at the HTTP level, the outbox drained by
 * the test and time moved by hand: 3 incidents may open within 2 minutes; the 4th group starts a storm incident
 * that further groups join (one channel, one card listing the groups, one page), until 2 minutes pass without a
 * new group. Each test starts an hour after the previous one, so earlier openings and storms are out of the window.
 */
@FirebreakTest(
        properties = {
            "firebreak.outbox.enabled=false",
            "firebreak.alertmanager.bearer-token=am-token",
            "firebreak.api.token=test-token",
            "firebreak.storm.enabled=true",
            "firebreak.storm.threshold=3",
            "firebreak.storm.window=2m",
            "firebreak.storm.exemptions[0].severities=SEV1",
            "firebreak.storm.exemptions[1].matchers[0]=team=\"db\"",
            "firebreak.slack.bot-token=xoxb-storm-test",
            "firebreak.slack.signing-secret=storm-signing-secret",
            "firebreak.postmortem.upload-on-resolve=false"
        })
@Import(TestClock.class)
class StormBreakerFlowTest {

    static final MutableClock CLOCK = TestClock.startingAt(Instant.parse("2026-11-28T06:00:00Z"));
    static final FakeSlack SLACK = new FakeSlack(CLOCK);
    static final FakePagerDuty PD = new FakePagerDuty();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void vendors(DynamicPropertyRegistry registry) {
        registry.add("firebreak.slack.api-url", SLACK::url);
        registry.add("firebreak.pagerduty.api-token", () -> FakePagerDuty.API_TOKEN);
        registry.add("firebreak.pagerduty.from-email", () -> FakePagerDuty.FROM);
        registry.add("firebreak.pagerduty.api-url", PD::restBaseUrl);
        registry.add("firebreak.pagerduty.events-url", PD::eventsBaseUrl);
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
    JdbcTemplate jdbc;

    @Autowired
    OutboxWorker worker;

    @Autowired
    dev.firebreak.incident.IncidentQueries queries;

    WebhookClient webhook;
    String run;

    @BeforeEach
    void nextHour() {
        CLOCK.advance(Duration.ofHours(1));
        webhook = new WebhookClient(port);
        run = "R" + CLOCK.instant().getEpochSecond() % 100_000 + "x";
        drain();
        SLACK.clear();
    }

    @AfterEach
    void noPagerDutyContractViolations() {
        assertThat(PD.violations()).isEmpty();
    }

    @Test
    void pastTheThresholdGroupsJoinOneStormIncidentWithOneChannelOneCardAndOnePage() {
        List<UUID> own = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            JsonNode a = send(firing(name(i), "critical", Map.of("team", "web"), 2, start()));
            assertThat(a.get("outcome").stringValue()).isEqualTo("OPENED");
            own.add(UUID.fromString(a.get("incidentId").stringValue()));
        }
        JsonNode fourth = send(firing(name(4), "critical", Map.of("team", "web"), 3, start()));
        assertThat(fourth.get("outcome").stringValue()).isEqualTo("JOINED_STORM");
        UUID storm = UUID.fromString(fourth.get("incidentId").stringValue());
        for (int i = 5; i <= 6; i++) {
            JsonNode a = send(firing(name(i), "critical", Map.of("team", i == 5 ? "web" : "api"), 4, start()));
            assertThat(a.get("outcome").stringValue()).isEqualTo("JOINED_STORM");
            assertThat(a.get("incidentId").stringValue()).isEqualTo(storm.toString());
        }
        // an HA duplicate of a member changes nothing
        JsonNode again = send(firing(name(5), "critical", Map.of("team", "web"), 4, start()));
        assertThat(again.get("outcome").stringValue()).isEqualTo("UPDATED");
        assertThat(again.get("incidentId").stringValue()).isEqualTo(storm.toString());

        assertThat(jdbc.queryForList(
                        "select ordinal from incident_group where incident_id = ? order by ordinal",
                        Integer.class,
                        storm))
                .containsExactly(1, 2, 3);
        assertThat(jdbc.queryForObject("select count(*) from alert where incident_id = ?", Integer.class, storm))
                .isEqualTo(3 + 4 + 4);
        assertThat(jdbc.queryForObject("select title from incident where id = ?", String.class, storm))
                .startsWith("Alert storm since");
        assertThat(kinds(storm)).containsOnlyOnce(TimelineKinds.STORM_STARTED);
        assertThat(texts(storm, TimelineKinds.STORM_GROUP))
                .containsExactly(
                        "Alert group #1 (" + name(4) + " is failing) joined the alert storm",
                        "Alert group #2 (" + name(5) + " is failing) joined the alert storm",
                        "Alert group #3 (" + name(6) + " is failing) joined the alert storm");

        drain();
        List<UUID> all = new ArrayList<>(own);
        all.add(storm);
        for (UUID id : all) {
            String channelId = channelOf(id);
            assertThat(channelId).isNotNull();
            // one page per incident: the storm pages once, not once per group
            assertThat(PD.events("firebreak-" + id))
                    .extracting(e -> e.path("event_action").asString())
                    .containsExactly("trigger");
        }
        assertThat(SLACK.calls("conversations.create")).hasSize(4);
        String card = card(storm);
        assertThat(card)
                .contains(
                        "Alert storm:* 3 alert groups · 3 firing · 0 resolved",
                        "*#1* " + name(4) + " is failing — SEV2, 3/3 firing",
                        "*#3* " + name(6),
                        "*Top labels:* cluster=prod-eu-1 (3), team=web (2)\\n",
                        "/incident split");
    }

    @Test
    void severityIsTheHighestOfItsGroupsRaisedAsTheyJoin() {
        UUID storm = startStorm("warning");
        assertThat(severity(storm)).isEqualTo("SEV3");
        send(firing(name(5), "critical", Map.of(), 1, start()));
        assertThat(severity(storm)).isEqualTo("SEV2");
        send(firing(name(6), "info", Map.of(), 1, start()));
        assertThat(severity(storm)).isEqualTo("SEV2");
        assertThat(texts(storm, TimelineKinds.SEVERITY_CHANGED))
                .containsExactly("Severity changed from SEV3 to SEV2 by alertmanager");
    }

    @Test
    void exemptGroupsOpenTheirOwnIncidentDuringAStorm() {
        UUID storm = startStorm("warning");
        JsonNode sev1 = send(firing(name(5), "page", Map.of(), 1, start()));
        assertThat(sev1.get("outcome").stringValue()).isEqualTo("OPENED");
        JsonNode db = send(firing(name(6), "warning", Map.of("team", "db"), 1, start()));
        assertThat(db.get("outcome").stringValue()).isEqualTo("OPENED");
        JsonNode web = send(firing(name(7), "warning", Map.of("team", "web"), 1, start()));
        assertThat(web.get("outcome").stringValue()).isEqualTo("JOINED_STORM");
        assertThat(web.get("incidentId").stringValue()).isEqualTo(storm.toString());
    }

    @Test
    void theStormEndsAfterTheWindowWithoutNewGroupsAndANewOneCanStart() {
        UUID storm = startStorm("warning");
        CLOCK.advance(Duration.ofSeconds(119));
        assertThat(send(firing(name(5), "warning", Map.of(), 1, start()))
                        .get("outcome")
                        .stringValue())
                .isEqualTo("JOINED_STORM");
        CLOCK.advance(Duration.ofSeconds(119));
        assertThat(send(firing(name(6), "warning", Map.of(), 1, start()))
                        .get("outcome")
                        .stringValue())
                .isEqualTo("JOINED_STORM");
        CLOCK.advance(Duration.ofSeconds(120));
        JsonNode after = send(firing(name(7), "warning", Map.of(), 1, start()));
        assertThat(after.get("outcome").stringValue()).isEqualTo("OPENED");
        // members still go to the storm incident, which stays open
        assertThat(send(firing(name(5), "warning", Map.of(), 2, start()))
                        .get("incidentId")
                        .stringValue())
                .isEqualTo(storm.toString());
        // busy again: three more open their own within the window (with #7), the next starts a new storm
        send(firing(name(8), "warning", Map.of(), 1, start()));
        send(firing(name(9), "warning", Map.of(), 1, start()));
        JsonNode next = send(firing(name(10), "warning", Map.of(), 1, start()));
        assertThat(next.get("outcome").stringValue()).isEqualTo("JOINED_STORM");
        assertThat(next.get("incidentId").stringValue()).isNotEqualTo(storm.toString());
    }

    @Test
    void groupsResolveOnTheCardTheStormResolvesWithTheLastAndThePostmortemListsThem() throws Exception {
        UUID storm = startStorm("warning");
        send(firing(name(5), "warning", Map.of(), 2, start()));
        drain();
        CLOCK.advance(Duration.ofSeconds(30));
        JsonNode first = send(resolved(name(4), "warning", Map.of(), 1, start(), CLOCK.instant()));
        assertThat(first.get("outcome").stringValue()).isEqualTo("UPDATED");
        assertThat(status(storm)).isEqualTo("TRIGGERED");
        CLOCK.advance(Duration.ofSeconds(2));
        drain();
        assertThat(card(storm))
                .contains("2 alert groups · 1 firing · 1 resolved", ":large_green_circle: *#1*", ":red_circle: *#2*");
        JsonNode last = send(resolved(name(5), "warning", Map.of(), 2, start(), CLOCK.instant()));
        assertThat(last.get("outcome").stringValue()).isEqualTo("RESOLVED");
        assertThat(status(storm)).isEqualTo("RESOLVED");
        assertThat(texts(storm, TimelineKinds.STORM_GROUP))
                .contains(
                        "Alert group #1 (" + name(4) + " is failing) resolved",
                        "Alert group #2 (" + name(5) + " is failing) resolved");
        assertThat(texts(storm, TimelineKinds.AUTO_RESOLVED))
                .singleElement()
                .asString()
                .contains("All alert groups of the storm resolved", "2 resolved, 0 split out");

        String postmortem = api("GET", "/api/incidents/" + storm + "/postmortem", null, "text/markdown")
                .body();
        assertThat(postmortem)
                .contains(
                        "## Alert groups",
                        "| #1 | " + name(4) + " is failing | SEV3 | resolved",
                        "| Alert group | alertmanager | Alert group \\#2 (" + name(5)
                                + " is failing) joined the alert storm");

        // resolved, the storm lets go of its groups: one firing again is decided anew (not the old storm)
        JsonNode relapse = send(firing(name(4), "warning", Map.of(), 1, CLOCK.instant()));
        assertThat(relapse.get("incidentId").stringValue()).isNotEqualTo(storm.toString());
    }

    @Test
    void resolvedByHandTheStormLetsGoOfItsGroupsAndReopenedTakesThemBack() throws Exception {
        UUID storm = startStorm("warning");
        HttpResponse<String> resolve =
                api("POST", "/api/incidents/" + storm + "/status", "{\"status\":\"RESOLVED\",\"reason\":\"handled\"}");
        assertThat(resolve.statusCode()).as(resolve.body()).isEqualTo(200);
        assertThat(jdbc.queryForObject(
                        "select count(*) from incident_group where incident_id = ? and open_group is not null",
                        Integer.class,
                        storm))
                .isZero();
        HttpResponse<String> reopen = api(
                "POST", "/api/incidents/" + storm + "/status", "{\"status\":\"TRIGGERED\",\"reason\":\"not over\"}");
        assertThat(reopen.statusCode()).as(reopen.body()).isEqualTo(200);
        JsonNode member = send(firing(name(4), "warning", Map.of(), 2, start()));
        assertThat(member.get("outcome").stringValue()).isEqualTo("UPDATED");
        assertThat(member.get("incidentId").stringValue()).isEqualTo(storm.toString());
    }

    @Test
    void aGroupSplitOutThroughTheApiGetsItsOwnIncidentAlertsAndChannel() throws Exception {
        UUID storm = startStorm("warning");
        send(firing(name(5), "critical", Map.of("team", "api"), 3, start()));
        drain();
        long number = number(storm);

        HttpResponse<String> split = api("POST", "/api/incidents/INC-" + number + "/groups/2/split", null);
        assertThat(split.statusCode()).as(split.body()).isEqualTo(201);
        JsonNode own = WebhookClient.JSON.readTree(split.body());
        UUID ownId = UUID.fromString(own.get("id").stringValue());
        assertThat(own.get("severity").stringValue()).isEqualTo("SEV2");
        assertThat(jdbc.queryForObject("select correlation_key from incident where id = ?", String.class, ownId))
                .isEqualTo(groupKey(name(5)));
        assertThat(jdbc.queryForObject("select count(*) from alert where incident_id = ?", Integer.class, ownId))
                .isEqualTo(3);
        assertThat(jdbc.queryForObject("select count(*) from alert where incident_id = ?", Integer.class, storm))
                .isEqualTo(1);
        assertThat(texts(storm, TimelineKinds.STORM_GROUP))
                .contains(
                        "Alert group #2 (" + name(5) + " is failing) split out into INC-" + number(ownId) + " by api");
        assertThat(texts(ownId, TimelineKinds.STORM_GROUP))
                .containsExactly("Split out of the alert storm INC-" + number + " (alert group #2) by api");

        // the group's next notification goes to its own incident
        JsonNode next = send(firing(name(5), "critical", Map.of("team", "api"), 3, start()));
        assertThat(next.get("incidentId").stringValue()).isEqualTo(ownId.toString());
        assertThat(next.get("outcome").stringValue()).isEqualTo("UPDATED");

        HttpResponse<String> again = api("POST", "/api/incidents/INC-" + number + "/groups/2/split", null);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(WebhookClient.JSON.readTree(again.body()).get("message").stringValue())
                .contains("already split out into INC-" + number(ownId));
        HttpResponse<String> missing = api("POST", "/api/incidents/INC-" + number + "/groups/9/split", null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(WebhookClient.JSON.readTree(missing.body()).get("status").asInt())
                .isEqualTo(404);
        JsonNode groups = WebhookClient.JSON.readTree(
                api("GET", "/api/incidents/" + storm + "/groups", null).body());
        assertThat(groups).hasSize(2);
        assertThat(groups.get(1).get("state").stringValue()).isEqualTo("SPLIT");
        assertThat(groups.get(1).get("splitTo").stringValue()).isEqualTo("INC-" + number(ownId));

        CLOCK.advance(Duration.ofSeconds(2));
        drain();
        assertThat(channelOf(ownId)).isNotNull().isNotEqualTo(channelOf(storm));
        assertThat(card(storm)).contains("1 split out", ":arrow_right: *#2*", "split out into INC-" + number(ownId));

        // the last firing group resolves: the storm resolves (one resolved, one split out)
        send(resolved(name(4), "warning", Map.of(), 1, start(), CLOCK.instant()));
        assertThat(status(storm)).isEqualTo("RESOLVED");
        assertThat(status(ownId)).isEqualTo("TRIGGERED");
    }

    @Test
    void aGroupSplitOutFromSlack() throws Exception {
        UUID storm = startStorm("warning");
        send(firing(name(5), "warning", Map.of(), 1, start()));
        drain();
        String channel = channelOf(storm);
        String body = SignedSlackRequests.form(SignedSlackRequests.slashCommand(
                "/incident", "split #1", channel, "U0SPLIT", SLACK.responseUrl("split-" + run)));
        HttpResponse<String> ack = new SignedSlackRequests("storm-signing-secret", port)
                .send(body, "application/x-www-form-urlencoded", CLOCK.instant().getEpochSecond(), Map.of());
        assertThat(ack.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !SLACK.responses("split-" + run).isEmpty());
        UUID ownId = jdbc.queryForObject(
                "select split_to from incident_group where incident_id = ? and ordinal = 1", UUID.class, storm);
        assertThat(ownId).isNotNull();
        assertThat(SLACK.responses("split-" + run).get(0))
                .contains(
                        "Alert group #1 split out of *INC-" + number(storm) + "* into *INC-" + number(ownId) + "*",
                        "<@U0SPLIT>");
        assertThat(jdbc.queryForObject("select correlation_key from incident where id = ?", String.class, ownId))
                .isEqualTo(groupKey(name(4)));
        assertThat(texts(storm, TimelineKinds.STORM_GROUP))
                .anyMatch(t -> t.startsWith(
                        "Alert group #1 (" + name(4) + " is failing) split out into INC-" + number(ownId)));

        // a group that is not there (or was split out already) gets a short note, not an error
        String again = SignedSlackRequests.form(SignedSlackRequests.slashCommand(
                "/incident", "split 1", channel, "U0SPLIT", SLACK.responseUrl("again-" + run)));
        assertThat(new SignedSlackRequests("storm-signing-secret", port)
                        .send(
                                again,
                                "application/x-www-form-urlencoded",
                                CLOCK.instant().getEpochSecond(),
                                Map.of())
                        .statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !SLACK.responses("again-" + run).isEmpty());
        assertThat(SLACK.responses("again-" + run).get(0))
                .contains(":warning: Alert group #1 was already split out into INC-" + number(ownId))
                .doesNotContain("Sorry");
    }

    @Test
    void concurrentOpenersNeverExceedTheThreshold() throws Exception {
        int groups = 24;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Answer>> answers = new ArrayList<>();
            for (int i = 1; i <= groups; i++) {
                String body = firing(name(i), "warning", Map.of(), 2, start());
                for (int copy = 0; copy < 2; copy++) { // each group twice, as an HA pair sends it
                    answers.add(pool.submit(() -> {
                        go.await();
                        return webhook.post(body);
                    }));
                }
            }
            go.countDown();
            for (Future<Answer> f : answers) {
                assertThat(f.get().status()).as(f.get().body()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> keys = new ArrayList<>();
        for (int i = 1; i <= groups; i++) {
            keys.add(groupKey(name(i)));
        }
        String in = String.join(",", keys.stream().map(k -> "?").toList());
        Integer ownIncidents = jdbc.queryForObject(
                "select count(*) from incident where correlation_key in (" + in + ")", Integer.class, keys.toArray());
        assertThat(ownIncidents).isEqualTo(3);
        List<UUID> storms = jdbc.queryForList(
                "select distinct incident_id from incident_group where group_key in (" + in + ")",
                UUID.class,
                keys.toArray());
        assertThat(storms).hasSize(1);
        assertThat(jdbc.queryForList(
                        "select ordinal from incident_group where incident_id = ? order by ordinal",
                        Integer.class,
                        storms.get(0)))
                .hasSize(groups - 3)
                .doesNotHaveDuplicates();
        assertThat(jdbc.queryForObject(
                        "select count(*) from alert where incident_id = ?", Integer.class, storms.get(0)))
                .isEqualTo((groups - 3) * 2);
    }

    // --- helpers

    /** Three groups open their own incidents, the fourth starts a storm; returns the storm incident. */
    UUID startStorm(String severity) {
        for (int i = 1; i <= 3; i++) {
            assertThat(send(firing(name(i), severity, Map.of(), 1, start()))
                            .get("outcome")
                            .stringValue())
                    .isEqualTo("OPENED");
        }
        JsonNode fourth = send(firing(name(4), severity, Map.of(), 1, start()));
        assertThat(fourth.get("outcome").stringValue()).isEqualTo("JOINED_STORM");
        return UUID.fromString(fourth.get("incidentId").stringValue());
    }

    String name(int i) {
        return run + "Group" + i;
    }

    Instant start() {
        return CLOCK.instant().minusSeconds(60);
    }

    JsonNode send(String body) {
        Answer a = webhook.post(body);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json();
    }

    void drain() {
        worker.drain(50);
    }

    List<String> kinds(UUID incident) {
        return jdbc.queryForList(
                "select kind from timeline_entry where incident_id = ? order by id", String.class, incident);
    }

    List<String> texts(UUID incident, String kind) {
        return jdbc.queryForList(
                "select text from timeline_entry where incident_id = ? and kind = ? order by id",
                String.class,
                incident,
                kind);
    }

    String severity(UUID incident) {
        return jdbc.queryForObject("select severity from incident where id = ?", String.class, incident);
    }

    String status(UUID incident) {
        return jdbc.queryForObject("select status from incident where id = ?", String.class, incident);
    }

    long number(UUID incident) {
        return jdbc.queryForObject("select number from incident where id = ?", Long.class, incident);
    }

    String channelOf(UUID incident) {
        return queries.view(incident).slackChannelId();
    }

    /** The current blocks of the incident's status card in the fake Slack (the first message of ours there). */
    String card(UUID incident) {
        String channel = channelOf(incident);
        assertThat(channel).isNotNull();
        return SLACK.messages(channel).stream()
                .filter(m -> m.blocks != null && m.blocks.contains("incident-card:"))
                .findFirst()
                .orElseThrow()
                .blocks;
    }

    HttpResponse<String> api(String method, String path, String json) throws Exception {
        return api(method, path, json, null);
    }

    HttpResponse<String> api(String method, String path, String json, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer test-token")
                .timeout(Duration.ofSeconds(20));
        if (accept != null) {
            b.header("Accept", accept);
        }
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(
                method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
