package dev.firebreak.paging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.incident.Actor;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentManagement;
import dev.firebreak.incident.IncidentQueries;
import dev.firebreak.incident.IncidentRole;
import dev.firebreak.incident.IncidentSource;
import dev.firebreak.incident.IncidentStatus;
import dev.firebreak.incident.NewIncident;
import dev.firebreak.incident.Severity;
import dev.firebreak.integrations.pagerduty.FakePagerDuty;
import dev.firebreak.slack.FakeSlack;
import dev.firebreak.slack.SlackActions;
import dev.firebreak.slack.SlackCommandContext;
import dev.firebreak.slack.SlackInvites;
import dev.firebreak.slack.SlackReply;
import dev.firebreak.support.FirebreakTest;
import dev.firebreak.support.MutableClock;
import dev.firebreak.support.TestClock;
import dev.firebreak.system.outbox.OutboxTask;
import dev.firebreak.system.outbox.OutboxTasks;
import dev.firebreak.system.outbox.OutboxWorker;
import dev.firebreak.timeline.NewTimelineEntry;
import dev.firebreak.timeline.Timeline;
import dev.firebreak.timeline.TimelineEntry;
import dev.firebreak.timeline.TimelineKinds;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Firebreak <-> PagerDuty through the outbox, against a fake PagerDuty (OpenAPI-validated) and a fake Slack at
 * the HTTP level: trigger, signed webhooks, acknowledge without echo, resolve, notes, on-call invites, 429s.
 */
@FirebreakTest(properties = {"firebreak.outbox.enabled=false", "firebreak.api.token=test-token"})
@Import(TestClock.class)
class PagingFlowTest {

    static final FakePagerDuty PD = new FakePagerDuty();
    static final String SLACK_TOKEN = "xoxb-test-paging";
    static final MutableClock CLOCK = TestClock.startingAt(Instant.parse("2026-11-28T06:00:00Z"));
    static final FakeSlack SLACK = new FakeSlack(CLOCK);

    static {
        PD.addUser("PBOT001", "Firebreak Bot", FakePagerDuty.FROM);
        PD.addUser("PDANA01", "Dana Oncall", "dana@example.com");
        PD.addOnCall("PDANA01", "PEP0001", 1, "PSCHED1", "2026-11-28T00:00:00Z", "2026-11-29T00:00:00Z");
        SLACK.addUser("UDANA", "dana", "dana@example.com");
        // /oncall: policy PCHECK1 (team "checkout"), served in pages of two.
        PD.addUser("PANN001", "Ann Now", "ann@example.com");
        PD.addUser("PBEN001", "Ben Next", "ben@example.com");
        PD.addUser("PCAT001", "Cat Second", "cat@example.com");
        PD.addUser("PGUS001", "Gus Later", "gus@example.com");
        PD.addOnCall("PANN001", "PCHECK1", 1, "PSCHED2", "2026-11-28T00:00:00Z", "2026-11-29T00:00:00Z");
        PD.addOnCall("PBEN001", "PCHECK1", 1, "PSCHED2", "2026-11-29T00:00:00Z", "2026-11-30T00:00:00Z");
        PD.addOnCall("PGUS001", "PCHECK1", 1, "PSCHED2", "2026-11-30T00:00:00Z", "2026-12-01T00:00:00Z");
        PD.addOnCall("PCAT001", "PCHECK1", 2, null, null, null);
        PD.maxPageSize(2);
        PD.addService("PSVC001", "Checkout");
        SLACK.addUser("UANN", "ann", "ann@example.com");
        SLACK.addUser("UCAT", "cat", "cat@example.com");
    }

    @DynamicPropertySource
    static void pagerDuty(DynamicPropertyRegistry registry) {
        registry.add("firebreak.pagerduty.api-token", () -> FakePagerDuty.API_TOKEN);
        registry.add("firebreak.pagerduty.from-email", () -> FakePagerDuty.FROM);
        registry.add("firebreak.pagerduty.api-url", PD::restBaseUrl);
        registry.add("firebreak.pagerduty.events-url", PD::eventsBaseUrl);
        registry.add("firebreak.pagerduty.webhook-secret", () -> "whsec-old, whsec-new");
        registry.add("firebreak.pagerduty.client-retries", () -> "0");
        registry.add("firebreak.pagerduty.incident-url", () -> "https://firebreak.example.com/api/incidents/{id}");
        registry.add("firebreak.pagerduty.routing.default-routing-key", () -> FakePagerDuty.ROUTING_KEY);
        registry.add("firebreak.pagerduty.routing.default-escalation-policy", () -> "PEP0001");
        registry.add("firebreak.pagerduty.routing.teams.checkout", () -> "PCHECK1");
        registry.add("firebreak.pagerduty.service-id", () -> "PSVC001");
        // Incidents labelled responders=two-levels page checkout (PCHECK1); its levels 1 and 2 are invited.
        registry.add("firebreak.pagerduty.routing.rules[0].name", () -> "checkout");
        registry.add("firebreak.pagerduty.routing.rules[0].match.labels.responders", () -> "two-levels");
        registry.add("firebreak.pagerduty.routing.rules[0].routing-key", () -> FakePagerDuty.ROUTING_KEY);
        registry.add("firebreak.pagerduty.routing.rules[0].escalation-policy", () -> "PCHECK1");
        registry.add("firebreak.pagerduty.invite-levels", () -> "2");
        registry.add("firebreak.slack.bot-token", () -> SLACK_TOKEN);
        registry.add("firebreak.slack.api-url", SLACK::url);
    }

    @Autowired
    IncidentManagement management;

    @Autowired
    IncidentQueries queries;

    @Autowired
    Timeline timeline;

    @Autowired
    OutboxWorker worker;

    @Autowired
    OutboxTasks tasks;

    @Autowired
    PagingStore store;

    @Autowired
    OnCallCommand onCall;

    @Autowired
    PageCommand pageCommand;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @LocalServerPort
    int port;

    @AfterEach
    void noContractViolations() {
        assertThat(PD.violations()).isEmpty();
    }

    void drain() {
        worker.drain(50);
    }

    Incident open(Severity severity, Map<String, String> labels) {
        return management.open(
                new NewIncident(
                        "Checkout 5xx",
                        "errors",
                        severity,
                        IncidentSource.ALERTMANAGER,
                        "{}:{alertname=\"Checkout5xx\",run=\"" + UUID.randomUUID() + "\"}",
                        null,
                        labels,
                        "http://alertmanager.example:9093",
                        0),
                Actor.alertmanager());
    }

    List<String> texts(UUID id, String kind) {
        return timeline.of(id).stream()
                .filter(e -> e.getKind().equals(kind))
                .map(TimelineEntry::getText)
                .toList();
    }

    @Test
    void openTriggerAckFromPagerDutyResolveFromSlack() throws Exception {
        Incident incident =
                open(Severity.SEV2, Map.of("service", "checkout", "team", "payments", "api_token", "s3cr3t-value"));
        String key = "firebreak-" + incident.getId();
        drain();

        List<JsonNode> sent = PD.events(key);
        assertThat(sent).hasSize(1);
        JsonNode trigger = sent.get(0);
        assertThat(trigger.path("event_action").asString()).isEqualTo("trigger");
        assertThat(trigger.path("payload").path("summary").asString())
                .isEqualTo(incident.reference() + " [SEV2] Checkout 5xx");
        assertThat(trigger.path("payload").path("severity").asString()).isEqualTo("error");
        assertThat(trigger.path("payload")
                        .path("custom_details")
                        .path("labels")
                        .path("service")
                        .asString())
                .isEqualTo("checkout");
        assertThat(trigger.path("payload").path("custom_details").path("source").asString())
                .isEqualTo("alertmanager");
        assertThat(trigger.toString()).doesNotContain("s3cr3t-value").doesNotContain("api_token");
        assertThat(trigger.path("links").toString())
                .contains("https://firebreak.example.com/api/incidents/" + incident.getId());
        assertThat(texts(incident.getId(), TimelineKinds.PAGE))
                .containsExactly(
                        "Paged default (escalation policy PEP0001) via PagerDuty",
                        "Invited on-call Dana Oncall into the channel"); // the delivery created the channel first

        // The PagerDuty incident id was learned by incident_key lookup.
        String pdId = PD.incidentByKey(key).path("id").asString();
        assertThat(store.find(incident.getId()).orElseThrow().pdIncidentId()).isEqualTo(pdId);

        // A signed acknowledgement from PagerDuty (v3 payload without incident_key).
        HttpResponse<String> ack = PagerDutyWebhooks.postSigned(
                port,
                PagerDutyWebhooks.incidentEvent(
                        "evt-" + UUID.randomUUID(),
                        "incident.acknowledged",
                        pdId,
                        null,
                        "PALICE",
                        "Alice",
                        List.of("Alice")),
                "whsec-new");
        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(ack.body()).contains("\"status\":\"applied\"");
        Incident acked = management.get(incident.getId());
        assertThat(acked.getStatus()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(texts(incident.getId(), TimelineKinds.PAGE_ACKNOWLEDGED))
                .containsExactly("PagerDuty incident #42 acknowledged by Alice");
        assertThat(timeline.of(incident.getId()))
                .anyMatch(e ->
                        e.getKind().equals(TimelineKinds.STATUS_CHANGED) && "pagerduty:PALICE".equals(e.getActorRef()));
        drain();
        assertThat(PD.events(key)).hasSize(1); // no acknowledge echoed back to PagerDuty

        management.resolve(incident.getId(), Actor.slack("U9", "carol"), "rolled back");
        drain();
        List<JsonNode> after = PD.events(key);
        assertThat(after).hasSize(2);
        assertThat(after.get(1).path("event_action").asString()).isEqualTo("resolve");
        assertThat(after.get(1).path("routing_key").asString()).isEqualTo(FakePagerDuty.ROUTING_KEY);
        assertThat(PD.incident(pdId).path("status").asString()).isEqualTo("resolved");
        assertThat(PD.incident(pdId).path("firebreak_notes").findValuesAsString("content"))
                .containsExactly("[Firebreak] Status ACKNOWLEDGED → RESOLVED by carol: rolled back");
    }

    List<OutboxTask> slackInvites(UUID incidentId) {
        return tasks.findByIncidentIdOrderById(incidentId).stream()
                .filter(t -> t.getKind().equals(SlackInvites.KIND)
                        && t.getDedupKey() != null
                        && t.getDedupKey().startsWith("pd:slack-invite:"))
                .toList();
    }

    List<FakeSlack.Call> invitesInto(String channelId, String user) {
        return SLACK.calls(
                "conversations.invite",
                c -> channelId.equals(c.param("channel"))
                        && List.of(String.valueOf(c.param("users")).split(",")).contains(user));
    }

    @Test
    void onCallIsInvitedIntoTheChannelOnceItExists() {
        // Slack is down when the incident opens: the real delivery cannot create the channel yet.
        SLACK.always("conversations.create", FakeSlack.Reply.http(503));
        Incident incident = open(Severity.SEV1, Map.of("service", "search"));
        UUID id = incident.getId();
        drain();
        SLACK.reset("conversations.create");
        assertThat(SLACK.calls("users.lookupByEmail")).anyMatch(c -> "dana@example.com".equals(c.param("email")));
        assertThat(queries.view(id).slackChannelId()).isNull();
        assertThat(slackInvites(id)).singleElement().satisfies(t -> {
            assertThat(t.getQueueKey()).isEqualTo(SlackActions.queueKey(id)).isEqualTo("slack:" + id);
            assertThat(t.getStatus()).isEqualTo(OutboxTask.PENDING); // queued behind the channel's creation
        });
        assertThat(texts(id, TimelineKinds.PAGE)).doesNotContain("Invited on-call Dana Oncall into the channel");

        CLOCK.advance(Duration.ofMinutes(10));
        drain();
        CLOCK.advance(Duration.ofMinutes(10));
        drain(); // nothing runs twice
        String channelId = queries.view(id).slackChannelId();
        assertThat(channelId).isNotNull();
        FakeSlack.Channel channel = SLACK.channel(channelId);
        assertThat(channel).isNotNull();
        assertThat(channel.members).containsOnlyOnce("UDANA");
        List<FakeSlack.Call> all = SLACK.calls();
        FakeSlack.Call created = SLACK.okCalls("conversations.create").stream()
                .filter(c -> channel.name.equals(c.param("name")))
                .findFirst()
                .orElseThrow();
        assertThat(invitesInto(channelId, "UDANA")).singleElement().satisfies(c -> {
            assertThat(c.ok()).isTrue();
            assertThat(c.param("users")).isEqualTo("UDANA");
            assertThat(c.authorization()).isEqualTo("Bearer " + SLACK_TOKEN);
            assertThat(all.indexOf(c)).isGreaterThan(all.indexOf(created)); // after the channel exists
        });
        assertThat(slackInvites(id))
                .singleElement()
                .satisfies(t -> assertThat(t.getStatus()).isEqualTo(OutboxTask.DONE));
        assertThat(texts(id, TimelineKinds.PAGE)).containsOnlyOnce("Invited on-call Dana Oncall into the channel");
    }

    @Test
    void onCallInviteFailsVisiblyWhenTheIncidentNeverGetsAChannel() {
        // The workspace does not let the bot create channels: the incident gets none.
        SLACK.always("conversations.create", FakeSlack.Reply.error("restricted_action"));
        int invitesBefore = SLACK.calls("conversations.invite").size();
        Incident incident = open(Severity.SEV1, Map.of("service", "nochannel"));
        UUID id = incident.getId();
        drain();
        SLACK.reset("conversations.create");
        assertThat(queries.view(id).slackChannelId()).isNull();
        // The invite ran behind the failed channel creation on the incident's queue: it fails with a visible reason
        // instead of waiting, and nobody is invited anywhere.
        assertThat(slackInvites(id)).singleElement().satisfies(t -> {
            assertThat(t.getQueueKey()).isEqualTo(SlackActions.queueKey(id));
            assertThat(t.getStatus()).isEqualTo(OutboxTask.FAILED);
            assertThat(t.getLastError())
                    .contains("the incident has no Slack channel")
                    .contains("Invited on-call Dana Oncall into the channel");
        });
        assertThat(SLACK.calls("conversations.invite")).hasSize(invitesBefore);
        assertThat(texts(id, TimelineKinds.PAGE)).doesNotContain("Invited on-call Dana Oncall into the channel");
    }

    @Test
    void everyOnCallIsInvitedEvenWhenOneIsAlreadyInTheChannel() {
        Incident incident = open(Severity.SEV1, Map.of("service", "checkout", "responders", "two-levels"));
        UUID id = incident.getId();
        // Ann (level 1) is made commander at once: the Slack delivery invites her before the on-call invite runs.
        management.assignRole(id, IncidentRole.COMMANDER, "slack:UANN", Actor.slack("U1", "alice"));
        drain();
        String channelId = queries.view(id).slackChannelId();
        assertThat(channelId).isNotNull();
        assertThat(slackInvites(id))
                .singleElement()
                .satisfies(t -> assertThat(t.getStatus()).isEqualTo(OutboxTask.DONE));
        assertThat(invitesInto(channelId, "UCAT")).singleElement().satisfies(c -> {
            assertThat(c.ok()).as(c.toString()).isTrue();
            assertThat(c.param("users").split(",")).containsExactlyInAnyOrder("UANN", "UCAT");
        });
        assertThat(SLACK.channel(channelId).members).containsOnlyOnce("UANN", "UCAT");
        assertThat(texts(id, TimelineKinds.PAGE))
                .anyMatch(t -> t.startsWith("Invited on-call ") && t.contains("Ann Now") && t.contains("Cat Second"));
    }

    @Test
    void webhookSignaturesAreVerifiedOnTheRawBody() throws Exception {
        String body = PagerDutyWebhooks.incidentEvent(
                "evt-sig", "incident.acknowledged", "PUNKNOWN", null, "PALICE", "Alice", List.of());
        byte[] raw = body.getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> valid = PagerDutyWebhooks.postSigned(port, body, "whsec-new");
        assertThat(valid.statusCode()).isEqualTo(202); // verified, but not an incident of ours: nothing recorded
        assertThat(valid.body()).contains("unknown_incident");

        String rotated = WebhookSignatures.sign("whsec-retired", raw) + "," + WebhookSignatures.sign("whsec-old", raw);
        assertThat(PagerDutyWebhooks.post(port, body, rotated).statusCode()).isEqualTo(202);

        HttpResponse<String> tampered = PagerDutyWebhooks.post(
                port, body.replace("PUNKNOWN", "PUNKNOWX"), WebhookSignatures.sign("whsec-new", raw));
        assertThat(tampered.statusCode()).isEqualTo(401);
        assertThat(tampered.body()).contains("\"error\":\"unauthorized\"");
        assertThat(PagerDutyWebhooks.post(port, body, null).statusCode()).isEqualTo(401);
        assertThat(PagerDutyWebhooks.postSigned(port, body, "wrong-secret").statusCode())
                .isEqualTo(401);
        assertThat(PagerDutyWebhooks.post(port, body, "v1=").statusCode()).isEqualTo(401);
        assertThat(PagerDutyWebhooks.postSigned(port, "{\"not\":\"pagerduty\"}", "whsec-new")
                        .statusCode())
                .isEqualTo(400);
        // Three reach the signature check; the unsigned one is refused from its headers, before its body is read.
        assertThat(meters.counter("firebreak.pagerduty.webhooks", "outcome", "unauthorized")
                        .count())
                .isGreaterThanOrEqualTo(3);
        assertThat(meters.counter("firebreak.http.refused", "endpoint", "/webhooks/pagerduty", "reason", "signature")
                        .count())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void duplicateDeliveriesAreAppliedOnceAndLateAcksAreRecordedNotErrors() throws Exception {
        Incident incident = open(Severity.SEV1, Map.of("service", "checkout"));
        drain();
        String pdId = store.find(incident.getId()).orElseThrow().pdIncidentId();
        management.acknowledge(incident.getId(), Actor.slack("U1", "alice"));

        String body = PagerDutyWebhooks.incidentEvent(
                "evt-dup-" + incident.getNumber(), "incident.acknowledged", pdId, null, "PBOB", "Bob", List.of("Bob"));
        HttpResponse<String> first = PagerDutyWebhooks.postSigned(port, body, "whsec-new");
        HttpResponse<String> second = PagerDutyWebhooks.postSigned(port, body, "whsec-new");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).contains("duplicate");
        assertThat(texts(incident.getId(), TimelineKinds.PAGE_ACKNOWLEDGED))
                .containsExactly("PagerDuty incident #42 acknowledged by Bob (incident already ACKNOWLEDGED)");
        assertThat(management.get(incident.getId()).getStatus()).isEqualTo(IncidentStatus.ACKNOWLEDGED);

        HttpResponse<String> reassigned = PagerDutyWebhooks.postSigned(
                port,
                PagerDutyWebhooks.incidentEvent(
                        "evt-re-" + incident.getNumber(),
                        "incident.reassigned",
                        pdId,
                        null,
                        "PBOB",
                        "Bob",
                        List.of("Erin", "Frank")),
                "whsec-new");
        assertThat(reassigned.statusCode()).isEqualTo(200);
        assertThat(texts(incident.getId(), TimelineKinds.PAGE))
                .contains("PagerDuty incident #42 reassigned in PagerDuty to Erin, Frank by Bob");

        PagerDutyWebhooks.postSigned(
                port,
                PagerDutyWebhooks.noteEvent("evt-n1-" + incident.getNumber(), pdId, "DB failover started"),
                "whsec-new");
        PagerDutyWebhooks.postSigned(
                port,
                PagerDutyWebhooks.noteEvent(
                        "evt-n2-" + incident.getNumber(), pdId, "[Firebreak] Status TRIGGERED → ACKNOWLEDGED by alice"),
                "whsec-new");
        assertThat(texts(incident.getId(), TimelineKinds.NOTE))
                .containsExactly("PagerDuty note by Bob: DB failover started");

        HttpResponse<String> resolved = PagerDutyWebhooks.postSigned(
                port,
                PagerDutyWebhooks.incidentEvent(
                        "evt-res-" + incident.getNumber(), "incident.resolved", pdId, null, "PBOB", "Bob", List.of()),
                "whsec-new");
        assertThat(resolved.statusCode()).isEqualTo(200);
        assertThat(management.get(incident.getId()).getStatus()).isEqualTo(IncidentStatus.RESOLVED);
        drain();
        assertThat(PD.events("firebreak-" + incident.getId()))
                .extracting(e -> e.path("event_action").asString())
                .containsExactly("trigger", "acknowledge"); // the resolve came from PagerDuty: not echoed
    }

    @Test
    void sev3DoesNotPageUntilRaisedIntoPagingRange() {
        Incident incident = open(Severity.SEV3, Map.of("service", "checkout"));
        String key = "firebreak-" + incident.getId();
        drain();
        assertThat(PD.events(key)).isEmpty();
        assertThat(store.find(incident.getId())).isEmpty();

        management.changeSeverity(incident.getId(), Severity.SEV2, Actor.slack("U1", "alice"));
        drain();
        assertThat(PD.events(key)).hasSize(1);
        management.changeSeverity(incident.getId(), Severity.SEV1, Actor.slack("U1", "alice"));
        management.changeSeverity(incident.getId(), Severity.SEV3, Actor.slack("U1", "alice"));
        management.changeSeverity(incident.getId(), Severity.SEV2, Actor.slack("U1", "alice"));
        drain();
        assertThat(PD.events(key)).hasSize(1); // paged once, whatever the severity does afterwards
        String pdId = store.find(incident.getId()).orElseThrow().pdIncidentId();
        assertThat(PD.incident(pdId).path("firebreak_notes").findValuesAsString("content"))
                .containsExactly(
                        "[Firebreak] Severity changed from SEV2 to SEV1 by alice",
                        "[Firebreak] Severity changed from SEV1 to SEV3 by alice",
                        "[Firebreak] Severity changed from SEV3 to SEV2 by alice");
    }

    @Test
    void notesAddedInFirebreakBecomePagerDutyNotesAndPagerDutyNotesAreNotEchoed() throws Exception {
        Incident incident = open(Severity.SEV2, Map.of("service", "checkout"));
        drain();
        String pdId = store.find(incident.getId()).orElseThrow().pdIncidentId();
        assertThat(pdId).isNotNull();

        timeline.record(NewTimelineEntry.of(
                incident.getId(),
                CLOCK.instant(),
                TimelineKinds.NOTE,
                Actor.slack("U1", "alice"),
                "Rolled back checkout to v41"));
        var fromPd = PagerDutyWebhooks.noteEvent("evt-note-" + incident.getNumber(), pdId, "Looking at the DB too");
        assertThat(PagerDutyWebhooks.postSigned(port, fromPd, "whsec-new").statusCode())
                .isEqualTo(200);
        drain();

        assertThat(PD.incident(pdId).path("firebreak_notes").findValuesAsString("content"))
                .containsExactly("[Firebreak] Note by alice: Rolled back checkout to v41");
        assertThat(timeline.of(incident.getId()))
                .extracting(e -> e.getText())
                .anyMatch(t -> t.contains("Looking at the DB too"));
    }

    @Test
    void rateLimitedTriggerWaitsForTheResetAndIsNotLost() {
        drain();
        PD.enqueueEventStatus(
                429, "{\"error\":{\"message\":\"Rate Limit Exceeded\",\"code\":2020}}", "ratelimit-reset", "30");
        Incident incident = open(Severity.SEV1, Map.of("service", "ratelimited"));
        String key = "firebreak-" + incident.getId();
        Instant start = CLOCK.instant();
        drain();
        assertThat(PD.events(key)).isEmpty();
        OutboxTask trigger = tasks.findByIncidentIdOrderById(incident.getId()).stream()
                .filter(t -> t.getKind().equals(PagingTasks.TRIGGER))
                .findFirst()
                .orElseThrow();
        assertThat(trigger.getStatus()).isEqualTo(OutboxTask.PENDING);
        assertThat(trigger.getNotBefore()).isEqualTo(start.plusSeconds(30));
        assertThat(trigger.getLastError()).contains("429");

        // Without ratelimit-reset: retried after the outbox backoff.
        PD.enqueueEventStatus(429, "{\"error\":{\"message\":\"Rate Limit Exceeded\",\"code\":2020}}");
        CLOCK.advance(Duration.ofSeconds(31));
        drain();
        assertThat(PD.events(key)).isEmpty();
        OutboxTask again = tasks.findById(trigger.getId()).orElseThrow();
        assertThat(again.getStatus()).isEqualTo(OutboxTask.PENDING);
        assertThat(again.getNotBefore())
                .isAfter(CLOCK.instant())
                .isBefore(CLOCK.instant().plusSeconds(10));

        CLOCK.advance(Duration.ofSeconds(10));
        drain();
        assertThat(PD.events(key)).hasSize(1);
        assertThat(tasks.findById(trigger.getId()).orElseThrow().getStatus()).isEqualTo(OutboxTask.DONE);
        assertThat(texts(incident.getId(), TimelineKinds.PAGE))
                .contains("Paged default (escalation policy PEP0001) via PagerDuty");
    }

    @Test
    void invalidEventIsAPermanentFailureShownOnTheTimeline() {
        drain();
        PD.enqueueEventStatus(
                400, "{\"status\":\"invalid event\",\"message\":\"Event object is invalid\",\"errors\":[\"bad\"]}");
        Incident incident = open(Severity.SEV1, Map.of("service", "broken"));
        drain();
        assertThat(texts(incident.getId(), TimelineKinds.INTEGRATION_WARNING))
                .singleElement()
                .asString()
                .startsWith("Warning: pagerduty.trigger failed: PagerDuty trigger: HTTP 400");
        assertThat(texts(incident.getId(), TimelineKinds.PAGE)).isEmpty();
    }

    static SlackCommandContext command(String args, Incident incident) {
        return new SlackCommandContext("U1", "alice", "C1", "T1", args, incident, null, null);
    }

    @Test
    void onCallShowsNowAndNextPerLevelAsMentionsAcrossPages() {
        int pagesBefore = PD.requests("GET", "/oncalls").size();
        SlackReply reply = onCall.run(command("checkout", null));
        assertThat(reply.text()).isEqualTo("""
                *On call: checkout* (escalation policy PCHECK1)
                • Level 1: now <@UANN> · next Ben Next from <!date^1795910400^{date_short_pretty} {time}|Sun 29 Nov 00:00 UTC>
                • Level 2: now <@UCAT>""");
        List<FakePagerDuty.Recorded> pages = PD.requests("GET", "/oncalls");
        assertThat(pages.size() - pagesBefore).isGreaterThanOrEqualTo(2);
        FakePagerDuty.Recorded first = pages.get(pagesBefore);
        assertThat(first.query().get("escalation_policy_ids[]")).containsExactly("PCHECK1");
        assertThat(first.query().get("since")).isNotNull();
        assertThat(first.query().get("until")).isNotNull();

        long annLookups = SLACK.calls("users.lookupByEmail").stream()
                .filter(c -> "ann@example.com".equals(c.param("email")))
                .count();
        SlackReply all = onCall.run(command("", null));
        assertThat(SLACK.calls("users.lookupByEmail").stream()
                        .filter(c -> "ann@example.com".equals(c.param("email")))
                        .count())
                .isEqualTo(annLookups)
                .isEqualTo(1); // cached for on-call-cache-ttl
        assertThat(all.text())
                .contains("*On call: checkout*")
                .contains("*On call: default* (escalation policy PEP0001)")
                .contains("Level 1: now <@UDANA>");
        assertThat(onCall.run(command("nosuchteam", null)).text()).startsWith("I don't know a team");
    }

    List<JsonNode> manualPages(UUID incidentId) {
        String prefix = "firebreak-" + incidentId + "-page-";
        return PD.incidents().values().stream()
                .filter(i -> i.path("incident_key").asString("").startsWith(prefix))
                .sorted(java.util.Comparator.comparing(
                        i -> i.path("incident_number").asInt()))
                .map(i -> (JsonNode) i)
                .toList();
    }

    @Test
    void pageCommandPagesATeamAndAPersonThroughTheOutbox() throws Exception {
        Incident incident = open(Severity.SEV3, Map.of("service", "checkout"));
        drain();
        SlackReply reply = pageCommand.run(command("checkout DB is on fire", incident));
        assertThat(reply.inChannel()).isTrue();
        assertThat(reply.text()).isEqualTo("alice is paging checkout for " + incident.reference() + " via PagerDuty.");
        assertThat(manualPages(incident.getId())).isEmpty(); // only enqueued: the outbox makes the call
        drain();
        assertThat(manualPages(incident.getId())).singleElement().satisfies(pd -> {
            assertThat(pd.path("firebreak_request")
                            .path("escalation_policy")
                            .path("id")
                            .asString())
                    .isEqualTo("PCHECK1");
            assertThat(pd.path("firebreak_request").path("service").path("id").asString())
                    .isEqualTo("PSVC001");
            assertThat(pd.path("firebreak_request").path("body").path("details").asString())
                    .contains("DB is on fire");
        });

        pageCommand.run(command("<@UANN|ann> please join the bridge", incident));
        drain();
        List<JsonNode> pages = manualPages(incident.getId());
        assertThat(pages).hasSize(2);
        assertThat(pages.get(1)
                        .path("firebreak_request")
                        .path("assignments")
                        .get(0)
                        .path("assignee")
                        .path("id")
                        .asString())
                .isEqualTo("PANN001");
        assertThat(texts(incident.getId(), TimelineKinds.PAGE))
                .containsExactly(
                        "Page to checkout requested by alice: DB is on fire",
                        "Paged checkout (escalation policy PCHECK1) via PagerDuty (#"
                                + pages.get(0).path("incident_number").asInt() + ")",
                        "Page to <@UANN> requested by alice: please join the bridge",
                        "Paged Ann Now via PagerDuty (#"
                                + pages.get(1).path("incident_number").asInt() + ")");

        // The page's acknowledgement shows on the timeline; the incident itself stays as it is.
        HttpResponse<String> ack = PagerDutyWebhooks.postSigned(
                port,
                PagerDutyWebhooks.incidentEvent(
                        "evt-page-ack-" + incident.getNumber(),
                        "incident.acknowledged",
                        pages.get(0).path("id").asString(),
                        null,
                        "PANN001",
                        "Ann Now",
                        List.of("Ann Now")),
                "whsec-new");
        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(texts(incident.getId(), TimelineKinds.PAGE_ACKNOWLEDGED))
                .containsExactly("Page to checkout (escalation policy PCHECK1) #42 acknowledged by Ann Now");
        assertThat(management.get(incident.getId()).getStatus()).isEqualTo(IncidentStatus.TRIGGERED);

        assertThat(pageCommand.run(command("", incident)).text()).startsWith("Usage:");
        assertThat(pageCommand.run(command("@bob", incident)).text()).startsWith("Usage:");
        assertThat(pageCommand.run(command("nosuchteam", incident)).text()).startsWith("I don't know a team");
        assertThat(pageCommand.run(command("checkout", null)).text()).startsWith("Run this in an incident channel");
    }

    @Test
    void aWebhookCarryingTheIncidentKeyTeachesThePagerDutyIncidentId() throws Exception {
        Incident incident = open(Severity.SEV1, Map.of("service", "learn"));
        String key = "firebreak-" + incident.getId();
        String pdId = "PLEARN" + incident.getNumber();
        HttpResponse<String> triggered = PagerDutyWebhooks.postSigned(
                port,
                PagerDutyWebhooks.incidentEvent(
                        "evt-learn-" + incident.getNumber(),
                        "incident.triggered",
                        pdId,
                        key,
                        "PSYS",
                        "PagerDuty",
                        List.of("Dana Oncall")),
                "whsec-new");
        assertThat(triggered.statusCode()).isEqualTo(200);
        assertThat(store.find(incident.getId()).orElseThrow().pdIncidentId()).isEqualTo(pdId);

        // Later events carry only the PagerDuty id.
        PagerDutyWebhooks.postSigned(
                port,
                PagerDutyWebhooks.incidentEvent(
                        "evt-learn-ack-" + incident.getNumber(),
                        "incident.acknowledged",
                        pdId,
                        null,
                        "PDANA01",
                        "Dana Oncall",
                        List.of("Dana Oncall")),
                "whsec-new");
        assertThat(management.get(incident.getId()).getStatus()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(texts(incident.getId(), TimelineKinds.PAGE))
                .contains("PagerDuty incident #42 triggered in PagerDuty, assigned to Dana Oncall");
        drain();
        assertThat(store.find(incident.getId()).orElseThrow().pdIncidentId()).isEqualTo(pdId);
        // A key that is not ours maps to nothing.
        HttpResponse<String> foreign = PagerDutyWebhooks.postSigned(
                port,
                PagerDutyWebhooks.incidentEvent(
                        "evt-foreign-" + incident.getNumber(),
                        "incident.triggered",
                        "PFOREIGN",
                        "firebreak-" + UUID.randomUUID(),
                        "PSYS",
                        "PagerDuty",
                        List.of()),
                "whsec-new");
        assertThat(foreign.statusCode()).isEqualTo(202);
    }

    @Test
    void anIncidentResolvedBeforePagerDutyWasReachedIsNotPaged() {
        Incident incident = open(Severity.SEV1, Map.of("service", "flappy"));
        management.resolve(incident.getId(), Actor.slack("U1", "alice"), "false alarm");
        drain();
        assertThat(PD.events("firebreak-" + incident.getId())).isEmpty();
        assertThat(texts(incident.getId(), TimelineKinds.PAGE))
                .containsExactly(
                        "Not paged: " + incident.reference() + " was resolved before PagerDuty could be reached");
    }

    @Test
    void aReopenedIncidentPagesAgainAsANewPagerDutyIncident() {
        Incident incident = open(Severity.SEV2, Map.of("service", "reopen"));
        String key = "firebreak-" + incident.getId();
        drain();
        String first = store.find(incident.getId()).orElseThrow().pdIncidentId();
        management.resolve(incident.getId(), Actor.slack("U1", "alice"), null);
        drain();
        management.reopen(incident.getId(), Actor.api("ops"), "came back");
        drain();
        assertThat(PD.events(key))
                .extracting(e -> e.path("event_action").asString())
                .containsExactly("trigger", "resolve", "trigger");
        String second = store.find(incident.getId()).orElseThrow().pdIncidentId();
        assertThat(second).isNotNull().isNotEqualTo(first);
        assertThat(PD.incident(second).path("status").asString()).isEqualTo("triggered");
        assertThat(texts(incident.getId(), TimelineKinds.PAGE))
                .containsExactly(
                        "Paged default (escalation policy PEP0001) via PagerDuty",
                        "Invited on-call Dana Oncall into the channel",
                        "Paged again: default (escalation policy PEP0001) via PagerDuty");
    }

    @Test
    void aPagerDutyOutageDelaysThePageButDoesNotLoseIt() {
        drain();
        PD.enqueueEventStatus(503, "{\"status\":\"unavailable\"}");
        PD.enqueueEventStatus(502, "");
        Incident incident = open(Severity.SEV1, Map.of("service", "outage"));
        String key = "firebreak-" + incident.getId();
        drain();
        CLOCK.advance(Duration.ofSeconds(5));
        drain();
        assertThat(PD.events(key)).isEmpty();
        OutboxTask trigger = tasks.findByIncidentIdOrderById(incident.getId()).stream()
                .filter(t -> t.getKind().equals(PagingTasks.TRIGGER))
                .findFirst()
                .orElseThrow();
        assertThat(trigger.getStatus()).isEqualTo(OutboxTask.PENDING);
        assertThat(trigger.getLastError()).contains("502");
        CLOCK.advance(Duration.ofMinutes(1));
        drain();
        assertThat(PD.events(key)).hasSize(1);
        assertThat(tasks.findById(trigger.getId()).orElseThrow().getStatus()).isEqualTo(OutboxTask.DONE);
    }
}
