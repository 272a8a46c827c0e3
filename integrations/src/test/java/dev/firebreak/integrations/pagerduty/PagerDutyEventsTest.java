package dev.firebreak.integrations.pagerduty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PagerDutyEventsTest {

    private FakePagerDuty pagerDuty;
    private RecordingSleeper sleeper;
    private PagerDutyClient client;

    @BeforeEach
    void start() {
        pagerDuty = new FakePagerDuty();
        sleeper = new RecordingSleeper();
        client = PagerDutyClient.create(pagerDuty.config(sleeper));
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        pagerDuty.close();
        assertThat(pagerDuty.violations()).isEmpty();
    }

    @Test
    void triggerSendsTheDocumentedBodyShape() {
        TriggerEvent event = TriggerEvent.of(
                        FakePagerDuty.ROUTING_KEY,
                        "firebreak/incident/42",
                        "[SEV1] checkout is down",
                        "prod-eu-1",
                        EventSeverity.CRITICAL)
                .withComponent("checkout")
                .withGroup("payments")
                .withEventClass("availability")
                .withTimestamp(Instant.parse("2026-11-28T05:00:00Z"))
                .withCustomDetails(Map.of("alertname", "CheckoutDown", "firing", 3))
                .withLinks(List.of(new EventLink("https://firebreak.example.com/incidents/42", "Incident #42")))
                .withClient("Firebreak", "https://firebreak.example.com");

        EventResponse response = client.trigger(event);

        assertThat(response.status()).isEqualTo("success");
        assertThat(response.dedupKey()).isEqualTo("firebreak/incident/42");
        FakePagerDuty.Recorded request = pagerDuty.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v2/enqueue");
        assertThat(request.header("Content-Type")).startsWith("application/json");
        assertThat(request.header("Authorization")).isNull();
        JsonNode body = request.json();
        assertThat(body.path("routing_key").asString()).isEqualTo(FakePagerDuty.ROUTING_KEY);
        assertThat(body.path("event_action").asString()).isEqualTo("trigger");
        assertThat(body.path("dedup_key").asString()).isEqualTo("firebreak/incident/42");
        assertThat(body.path("client").asString()).isEqualTo("Firebreak");
        assertThat(body.path("client_url").asString()).isEqualTo("https://firebreak.example.com");
        assertThat(body.path("links").get(0).path("href").asString())
                .isEqualTo("https://firebreak.example.com/incidents/42");
        assertThat(body.path("links").get(0).path("text").asString()).isEqualTo("Incident #42");
        JsonNode payload = body.path("payload");
        assertThat(payload.path("summary").asString()).isEqualTo("[SEV1] checkout is down");
        assertThat(payload.path("source").asString()).isEqualTo("prod-eu-1");
        assertThat(payload.path("severity").asString()).isEqualTo("critical");
        assertThat(payload.path("component").asString()).isEqualTo("checkout");
        assertThat(payload.path("group").asString()).isEqualTo("payments");
        assertThat(payload.path("class").asString()).isEqualTo("availability");
        assertThat(payload.path("timestamp").asString()).isEqualTo("2026-11-28T05:00:00Z");
        assertThat(payload.path("custom_details").path("alertname").asString()).isEqualTo("CheckoutDown");
        assertThat(payload.path("custom_details").path("firing").asInt()).isEqualTo(3);
    }

    @Test
    void optionalFieldsAreLeftOutWhenAbsent() {
        client.trigger(TriggerEvent.of(FakePagerDuty.ROUTING_KEY, "k1", "disk full", "db-1", EventSeverity.WARNING));

        JsonNode body = pagerDuty.requests().get(0).json();
        assertThat(body.has("client")).isFalse();
        assertThat(body.has("links")).isFalse();
        assertThat(body.path("payload").has("custom_details")).isFalse();
        assertThat(body.path("payload").has("component")).isFalse();
        assertThat(body.path("payload").path("severity").asString()).isEqualTo("warning");
    }

    @Test
    void acknowledgeAndResolveAddressTheSameDedupKey() {
        client.trigger(TriggerEvent.of(FakePagerDuty.ROUTING_KEY, "incident-7", "x", "y", EventSeverity.ERROR));
        EventResponse ack = client.acknowledge(FakePagerDuty.ROUTING_KEY, "incident-7");
        EventResponse resolve = client.resolve(FakePagerDuty.ROUTING_KEY, "incident-7");

        assertThat(ack.dedupKey()).isEqualTo("incident-7");
        assertThat(resolve.dedupKey()).isEqualTo("incident-7");
        List<JsonNode> events = pagerDuty.events();
        assertThat(events)
                .extracting(e -> e.path("event_action").asString())
                .containsExactly("trigger", "acknowledge", "resolve");
        assertThat(events.get(1).has("payload")).isFalse();
        assertThat(events.get(2).path("dedup_key").asString()).isEqualTo("incident-7");
    }

    @Test
    void longDedupKeysAreCutTo255WithAStableHashSuffix() {
        String base = "firebreak/" + "a".repeat(400);
        String other = "firebreak/" + "a".repeat(399) + "b";

        client.trigger(TriggerEvent.of(FakePagerDuty.ROUTING_KEY, base, "s", "src", EventSeverity.INFO));
        client.resolve(FakePagerDuty.ROUTING_KEY, base);
        client.trigger(TriggerEvent.of(FakePagerDuty.ROUTING_KEY, other, "s", "src", EventSeverity.INFO));

        List<JsonNode> events = pagerDuty.events();
        String sent = events.get(0).path("dedup_key").asString();
        assertThat(sent).hasSize(255).startsWith("firebreak/aaa").isEqualTo(EventLimits.dedupKey(base));
        assertThat(events.get(1).path("dedup_key").asString()).isEqualTo(sent);
        assertThat(events.get(2).path("dedup_key").asString()).hasSize(255).isNotEqualTo(sent);
        assertThat(EventLimits.dedupKey("short")).isEqualTo("short");
        assertThat(EventLimits.dedupKey("x".repeat(255))).isEqualTo("x".repeat(255));
    }

    @Test
    void longSummariesAreCutTo1024WithAnEllipsis() {
        client.trigger(
                TriggerEvent.of(FakePagerDuty.ROUTING_KEY, "k", "s".repeat(5000), "src", EventSeverity.CRITICAL));

        String summary =
                pagerDuty.events().get(0).path("payload").path("summary").asString();
        assertThat(summary).hasSize(1024).endsWith("s…");
        assertThat(EventLimits.summary("x".repeat(1024))).isEqualTo("x".repeat(1024));
    }

    @Test
    void customDetailsAreRedactedOfSecretsAtAnyDepth() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("Authorization", "Bearer abcdefghijklmnop");
        nested.put("db_password", "hunter2");
        nested.put("note", "fine");
        nested.put("header", "Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig");
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("alertname", "HighErrorRate");
        details.put("api_key", "k-123");
        details.put("slack_token", "xoxb-123456789012-abcdefghijkl");
        details.put("session_cookie", "a=b");
        details.put("client_secret", "s3cr3t");
        details.put("runbook", "https://runbooks.example.com/high-error-rate");
        details.put("upstream", "https://user:pa55w0rd@db.example.com/x");
        details.put("labels", nested);
        details.put("list", List.of("ok", "Bearer zzzzzzzzzzzzzzzz", "xoxp-1111111111-2222222222"));

        client.trigger(TriggerEvent.of(FakePagerDuty.ROUTING_KEY, "k", "s", "src", EventSeverity.ERROR)
                .withCustomDetails(details));

        String raw = pagerDuty.requests().get(0).body();
        JsonNode sent = pagerDuty.events().get(0).path("payload").path("custom_details");
        assertThat(sent.path("alertname").asString()).isEqualTo("HighErrorRate");
        assertThat(sent.path("runbook").asString()).isEqualTo("https://runbooks.example.com/high-error-rate");
        assertThat(sent.path("labels").path("note").asString()).isEqualTo("fine");
        assertThat(sent.path("list").size()).isEqualTo(1);
        assertThat(sent.has("api_key")).isFalse();
        assertThat(sent.has("slack_token")).isFalse();
        assertThat(sent.has("session_cookie")).isFalse();
        assertThat(sent.has("client_secret")).isFalse();
        assertThat(sent.has("upstream")).isFalse();
        assertThat(raw)
                .doesNotContain(
                        "hunter2",
                        "k-123",
                        "xoxb-",
                        "xoxp-",
                        "s3cr3t",
                        "pa55w0rd",
                        "Bearer",
                        "abcdefghijklmnop",
                        "eyJhbGci");
    }

    @Test
    void customDetailsStayWithin16KilobytesAndSayWhatWasDropped() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("alertname", "Flood");
        for (int i = 0; i < 40; i++) {
            details.put("field" + i, "v".repeat(1000));
        }
        details.put("huge", "h".repeat(100_000));

        client.trigger(TriggerEvent.of(FakePagerDuty.ROUTING_KEY, "k", "s", "src", EventSeverity.ERROR)
                .withCustomDetails(details));

        JsonNode sent = pagerDuty.events().get(0).path("payload").path("custom_details");
        int size = sent.toString().getBytes(StandardCharsets.UTF_8).length;
        assertThat(size)
                .isLessThanOrEqualTo(EventLimits.MAX_CUSTOM_DETAILS_BYTES)
                .isGreaterThan(12_000);
        assertThat(sent.path("alertname").asString()).isEqualTo("Flood");
        assertThat(sent.path("field0").asString()).hasSize(1000);
        assertThat(sent.has("huge")).isFalse();
        assertThat(sent.path(CustomDetails.TRUNCATED_KEY).asString())
                .contains("huge")
                .contains("dropped");
    }

    @Test
    void oneHugeValueIsCutNotDropped() {
        client.trigger(TriggerEvent.of(FakePagerDuty.ROUTING_KEY, "k", "s", "src", EventSeverity.ERROR)
                .withCustomDetails(Map.of("log", "é".repeat(50_000))));

        JsonNode sent = pagerDuty.events().get(0).path("payload").path("custom_details");
        assertThat(sent.toString().getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(EventLimits.MAX_CUSTOM_DETAILS_BYTES);
        assertThat(sent.path("log").asString()).startsWith("éé").endsWith("…");
    }

    @Test
    void anInvalidEventIsNotRetriedAndTheRoutingKeyStaysOutOfTheMessage() {
        String unknownKey = "UNKNOWNROUTINGKEY0000000000000000";

        assertThatThrownBy(() -> client.trigger(TriggerEvent.of(unknownKey, "k", "s", "src", EventSeverity.ERROR)))
                .isInstanceOfSatisfying(PagerDutyException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("Invalid routing key").doesNotContain(unknownKey);
                });
        assertThat(pagerDuty.requests()).hasSize(1);
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void triggerEventToStringHidesTheRoutingKey() {
        TriggerEvent event = TriggerEvent.of(FakePagerDuty.ROUTING_KEY, "k", "s", "src", EventSeverity.ERROR);
        assertThat(event.toString()).doesNotContain(FakePagerDuty.ROUTING_KEY).contains("<redacted>");
    }
}
