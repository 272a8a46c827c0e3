package dev.firebreak.integrations.pagerduty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PagerDutyRestTest {

    private FakePagerDuty pagerDuty;
    private RecordingSleeper sleeper;
    private PagerDutyClient client;

    @BeforeEach
    void start() {
        pagerDuty = new FakePagerDuty();
        sleeper = new RecordingSleeper();
        client = PagerDutyClient.create(pagerDuty.config(sleeper));
        pagerDuty.addUser("PBOT001", "Firebreak Bot", FakePagerDuty.FROM);
        pagerDuty.addService("PSVC001", "Checkout API");
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        pagerDuty.close();
        assertThat(pagerDuty.violations()).isEmpty();
    }

    @Test
    void onCallsFollowEveryPage() {
        pagerDuty.maxPageSize(2);
        for (int i = 1; i <= 5; i++) {
            pagerDuty.addUser("PU" + i, "User " + i, "user" + i + "@example.com");
            pagerDuty.addOnCall(
                    "PU" + i,
                    "PEP1",
                    i,
                    i == 5 ? null : "PSCHED1",
                    i == 5 ? null : "2026-11-28T00:00:00Z",
                    i == 5 ? null : "2026-11-29T00:00:00-05:00");
        }
        pagerDuty.addOnCall("PU1", "POTHER", 1, null, null, null);

        List<OnCall> onCalls = client.listOnCalls(OnCallQuery.forEscalationPolicies(List.of("PEP1")));

        assertThat(onCalls).hasSize(5);
        assertThat(onCalls).extracting(OnCall::userId).containsExactly("PU1", "PU2", "PU3", "PU4", "PU5");
        OnCall first = onCalls.get(0);
        assertThat(first.userSummary()).isEqualTo("User 1");
        assertThat(first.userEmail()).isEqualTo("user1@example.com");
        assertThat(first.escalationLevel()).isEqualTo(1);
        assertThat(first.escalationPolicy()).isEqualTo(new Reference("PEP1", "Policy PEP1"));
        assertThat(first.schedule().id()).isEqualTo("PSCHED1");
        assertThat(first.start()).isEqualTo(Instant.parse("2026-11-28T00:00:00Z"));
        assertThat(first.end()).isEqualTo(Instant.parse("2026-11-29T05:00:00Z"));
        assertThat(onCalls.get(4).schedule()).isNull();
        assertThat(onCalls.get(4).start()).isNull();

        List<FakePagerDuty.Recorded> pages = pagerDuty.requests("GET", "/oncalls");
        assertThat(pages).hasSize(3);
        assertThat(pages).extracting(r -> r.query().get("offset").get(0)).containsExactly("0", "2", "4");
        FakePagerDuty.Recorded firstPage = pages.get(0);
        assertThat(firstPage.query().get("escalation_policy_ids[]")).containsExactly("PEP1");
        assertThat(firstPage.query().get("include[]")).containsExactly("users");
        assertThat(firstPage.query().get("earliest")).containsExactly("true");
        assertThat(firstPage.query().get("limit")).containsExactly("100");
    }

    @Test
    void userByEmailMatchesTheWholeEmailOnlyAndRetriesLikeEveryCall() {
        pagerDuty.addUser("PANN01", "Ann", "ann@example.com");
        pagerDuty.addUser("PANN02", "Annette", "annette@example.com");
        pagerDuty.enqueueStatus(429, "{}", "ratelimit-reset", "1");

        assertThat(client.userByEmail("ANN@example.com")).get().satisfies(u -> {
            assertThat(u.id()).isEqualTo("PANN01");
            assertThat(u.name()).isEqualTo("Ann");
        });
        assertThat(client.userByEmail("nobody@example.com")).isEmpty();

        List<FakePagerDuty.Recorded> lookups = pagerDuty.requests("GET", "/users");
        assertThat(lookups).hasSize(3); // the 429, its retry, the miss
        assertThat(lookups.get(1).query().get("query")).containsExactly("ANN@example.com");
        assertThat(sleeper.sleeps()).isNotEmpty();
    }

    @Test
    void incidentByKeyPrefersTheOpenIncidentAndFallsBackToTheNewest() {
        PagerDutyIncident first = client.createIncident(
                NewPagerDutyIncident.of("Disk full", "PSVC001").withIncidentKey("firebreak-k1"));
        client.resolveIncident(first.id());
        assertThat(client.incidentByKey("firebreak-k1"))
                .get()
                .satisfies(i -> assertThat(i.status()).isEqualTo("resolved"));
        PagerDutyIncident second = client.createIncident(
                NewPagerDutyIncident.of("Disk full again", "PSVC001").withIncidentKey("firebreak-k1"));

        assertThat(client.incidentByKey("firebreak-k1"))
                .get()
                .satisfies(i -> assertThat(i.id()).isEqualTo(second.id()));
        assertThat(client.incidentByKey("firebreak-unknown")).isEmpty();
    }

    @Test
    void onCallFiltersAndWindowAreSent() {
        pagerDuty.addUser("PU1", "Ann", "ann@example.com");
        pagerDuty.addOnCall("PU1", "PEP1", 1, "PS1", null, null);

        List<OnCall> onCalls = client.listOnCalls(OnCallQuery.now()
                .withIncludeUsers(false)
                .withUserIds(List.of("PU1"))
                .withScheduleIds(List.of("PS1", "PS2"))
                .withWindow(Instant.parse("2026-11-28T00:00:00Z"), Instant.parse("2026-11-29T00:00:00Z")));

        assertThat(onCalls).singleElement().satisfies(o -> {
            assertThat(o.userId()).isEqualTo("PU1");
            assertThat(o.userSummary()).isEqualTo("Ann");
            assertThat(o.userEmail()).isNull();
        });
        FakePagerDuty.Recorded request = pagerDuty.requests("GET", "/oncalls").get(0);
        assertThat(request.query().get("user_ids[]")).containsExactly("PU1");
        assertThat(request.query().get("schedule_ids[]")).containsExactly("PS1", "PS2");
        assertThat(request.query().get("since")).containsExactly("2026-11-28T00:00:00Z");
        assertThat(request.query().get("until")).containsExactly("2026-11-29T00:00:00Z");
        assertThat(request.query()).doesNotContainKeys("include[]", "earliest", "escalation_policy_ids[]");
    }

    @Test
    void getsAUser() {
        pagerDuty.addUser("PXPGF42", "Earline Greenholt", "earline@example.com");

        PagerDutyUser user = client.getUser("PXPGF42");

        assertThat(user.id()).isEqualTo("PXPGF42");
        assertThat(user.name()).isEqualTo("Earline Greenholt");
        assertThat(user.email()).isEqualTo("earline@example.com");
        assertThat(user.htmlUrl()).endsWith("/users/PXPGF42");
    }

    @Test
    void anUnknownUserIsANonRetryable404() {
        assertThatThrownBy(() -> client.getUser("PNOPE")).isInstanceOfSatisfying(PagerDutyException.class, e -> {
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.errorCode()).contains(2100);
            assertThat(e.retryable()).isFalse();
            assertThat(e.getMessage()).contains("GET /users/{id}").contains("Not Found");
        });
    }

    @Test
    void listsServicesAcrossPagesWithAQuery() {
        pagerDuty.maxPageSize(2);
        pagerDuty.addService("PSVC002", "Checkout Worker");
        pagerDuty.addService("PSVC003", "Checkout DB");
        pagerDuty.addService("PSVC004", "Search");

        List<PagerDutyService> services = client.listServices("checkout");
        List<PagerDutyService> all = client.listServices(null);

        assertThat(services)
                .extracting(PagerDutyService::name)
                .containsExactly("Checkout API", "Checkout Worker", "Checkout DB");
        assertThat(services.get(0))
                .isEqualTo(new PagerDutyService(
                        "PSVC001",
                        "Checkout API",
                        "active",
                        "https://firebreak.pagerduty.com/service-directory/PSVC001"));
        assertThat(all).hasSize(4);
        assertThat(pagerDuty.requests("GET", "/services")).hasSize(4);
        assertThat(pagerDuty.requests("GET", "/services").get(0).query().get("query"))
                .containsExactly("checkout");
    }

    @Test
    void createsAnIncidentWithEscalationPolicy() {
        PagerDutyIncident incident = client.createIncident(NewPagerDutyIncident.of("Checkout is down", "PSVC001")
                .withUrgency(Urgency.HIGH)
                .withIncidentKey("firebreak-42")
                .withDetails("Opened from Firebreak incident #42")
                .withEscalationPolicy("PEP0001"));

        assertThat(incident.id()).startsWith("PINC");
        assertThat(incident.number()).isPositive();
        assertThat(incident.status()).isEqualTo("triggered");
        assertThat(incident.title()).isEqualTo("Checkout is down");
        assertThat(incident.urgency()).isEqualTo("high");
        assertThat(incident.incidentKey()).isEqualTo("firebreak-42");
        assertThat(incident.htmlUrl()).endsWith("/incidents/" + incident.id());
        JsonNode sent = pagerDuty.requests("POST", "/incidents").get(0).json().path("incident");
        assertThat(sent.path("type").asString()).isEqualTo("incident");
        assertThat(sent.path("service").path("id").asString()).isEqualTo("PSVC001");
        assertThat(sent.path("service").path("type").asString()).isEqualTo("service_reference");
        assertThat(sent.path("body").path("type").asString()).isEqualTo("incident_body");
        assertThat(sent.path("body").path("details").asString()).isEqualTo("Opened from Firebreak incident #42");
        assertThat(sent.path("escalation_policy").path("id").asString()).isEqualTo("PEP0001");
        assertThat(sent.has("assignments")).isFalse();
    }

    @Test
    void createsAnIncidentWithAssignees() {
        client.createIncident(NewPagerDutyIncident.of("t", "PSVC001").withAssignees(List.of("PU1", "PU2")));

        JsonNode sent = pagerDuty.requests("POST", "/incidents").get(0).json().path("incident");
        assertThat(sent.path("assignments")).hasSize(2);
        assertThat(sent.path("assignments").get(1).path("assignee").path("id").asString())
                .isEqualTo("PU2");
        assertThat(sent.path("assignments").get(1).path("assignee").path("type").asString())
                .isEqualTo("user_reference");
        assertThat(sent.has("escalation_policy")).isFalse();
        assertThat(sent.has("urgency")).isFalse();
    }

    @Test
    void creatingTwiceWithTheSameIncidentKeyReturnsTheOpenIncident() {
        NewPagerDutyIncident request = NewPagerDutyIncident.of("t", "PSVC001").withIncidentKey("firebreak-9");

        PagerDutyIncident first = client.createIncident(request);
        PagerDutyIncident again = client.createIncident(request);

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(pagerDuty.incidents()).hasSize(1);
        FakePagerDuty.Recorded lookup = pagerDuty.requests("GET", "/incidents").get(0);
        assertThat(lookup.query().get("incident_key")).containsExactly("firebreak-9");
        assertThat(lookup.query().get("date_range")).containsExactly("all");
    }

    @Test
    void aRejectedCreateWithoutExistingIncidentStaysAnError() {
        assertThatThrownBy(() -> client.createIncident(
                        NewPagerDutyIncident.of("t", "PUNKNOWN").withIncidentKey("firebreak-10")))
                .isInstanceOfSatisfying(PagerDutyException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("Service not found");
                });
    }

    @Test
    void updatesStatusEscalationAndAssignees() {
        String id =
                client.createIncident(NewPagerDutyIncident.of("t", "PSVC001")).id();

        assertThat(client.acknowledgeIncident(id).status()).isEqualTo("acknowledged");
        client.updateIncident(id, IncidentUpdate.escalateTo(2));
        client.updateIncident(id, IncidentUpdate.reassign(List.of("PU7")));
        assertThat(client.resolveIncident(id).status()).isEqualTo("resolved");

        List<FakePagerDuty.Recorded> puts = pagerDuty.requests("PUT", "/incidents/" + id);
        assertThat(puts)
                .extracting(r -> r.json().path("incident").toString())
                .containsExactly(
                        "{\"type\":\"incident_reference\",\"status\":\"acknowledged\"}",
                        "{\"type\":\"incident_reference\",\"escalation_level\":2}",
                        "{\"type\":\"incident_reference\",\"assignments\":[{\"assignee\":{\"id\":\"PU7\","
                                + "\"type\":\"user_reference\"}}]}",
                        "{\"type\":\"incident_reference\",\"status\":\"resolved\"}");
        assertThat(pagerDuty.incident(id).path("escalation_level").asInt()).isEqualTo(2);
    }

    @Test
    void resolvingAnAlreadyResolvedIncidentIsSuccess() {
        String id =
                client.createIncident(NewPagerDutyIncident.of("t", "PSVC001")).id();
        client.resolveIncident(id);

        PagerDutyIncident again = client.resolveIncident(id);

        assertThat(again.status()).isEqualTo("resolved");
        assertThat(again.id()).isEqualTo(id);
        assertThat(pagerDuty.requests("PUT", "/incidents/" + id)).hasSize(2);
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void aLateAcknowledgementDoesNotReopenAResolvedIncident() {
        String id =
                client.createIncident(NewPagerDutyIncident.of("t", "PSVC001")).id();
        client.resolveIncident(id);

        PagerDutyIncident acked = client.acknowledgeIncident(id);

        assertThat(acked.status()).isEqualTo("resolved");
        assertThat(pagerDuty.incident(id).path("status").asString()).isEqualTo("resolved");
        assertThat(pagerDuty.requests("PUT", "/incidents/" + id)).hasSize(1);
    }

    @Test
    void addsANote() {
        String id =
                client.createIncident(NewPagerDutyIncident.of("t", "PSVC001")).id();

        PagerDutyNote note = client.addNote(id, "Firefighters are on the scene.");

        assertThat(note.id()).startsWith("PNOTE");
        assertThat(note.content()).isEqualTo("Firefighters are on the scene.");
        assertThat(note.createdAt()).isEqualTo(Instant.parse("2026-11-28T06:00:00Z"));
        assertThat(pagerDuty
                        .requests("POST", "/incidents/" + id + "/notes")
                        .get(0)
                        .json()
                        .toString())
                .isEqualTo("{\"note\":{\"content\":\"Firefighters are on the scene.\"}}");
    }

    @Test
    void headersCarryTokenVersionAndFromOnWritesOnly() {
        String id =
                client.createIncident(NewPagerDutyIncident.of("t", "PSVC001")).id();
        client.getIncident(id);
        client.addNote(id, "n");
        client.getUser("PBOT001");
        client.listServices(null);
        client.listOnCalls(OnCallQuery.now());
        client.updateIncident(id, IncidentUpdate.escalateTo(1));

        for (FakePagerDuty.Recorded request : pagerDuty.requests()) {
            assertThat(request.header("Authorization")).isEqualTo("Token token=" + FakePagerDuty.API_TOKEN);
            assertThat(request.header("Accept")).isEqualTo("application/vnd.pagerduty+json;version=2");
            assertThat(request.header("Content-Type")).startsWith("application/json");
            if (request.method().equals("GET")) {
                assertThat(request.header("From"))
                        .as(request.method() + " " + request.path())
                        .isNull();
            } else {
                assertThat(request.header("From"))
                        .as(request.method() + " " + request.path())
                        .isEqualTo(FakePagerDuty.FROM);
            }
        }
        assertThat(pagerDuty.requests())
                .extracting(FakePagerDuty.Recorded::method)
                .contains("GET", "POST", "PUT");
    }

    @Test
    void aWrongTokenIsANonRetryable401WithoutTheToken() {
        PagerDutyConfig badConfig = new PagerDutyConfig(
                "wrong-token-123456",
                FakePagerDuty.FROM,
                pagerDuty.restBaseUrl(),
                pagerDuty.eventsBaseUrl(),
                null,
                null,
                null,
                2,
                null,
                null,
                null,
                null,
                sleeper);
        try (PagerDutyClient bad = PagerDutyClient.create(badConfig)) {
            assertThatThrownBy(() -> bad.getUser("PBOT001")).isInstanceOfSatisfying(PagerDutyException.class, e -> {
                assertThat(e.status()).isEqualTo(401);
                assertThat(e.retryable()).isFalse();
                assertThat(e.getMessage()).contains("Unauthorized").doesNotContain("wrong-token-123456");
            });
        }
        assertThat(pagerDuty.requests()).hasSize(1);
    }
}
