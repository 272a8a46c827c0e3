package dev.firebreak.slack.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.incident.IncidentStatus;
import dev.firebreak.incident.Severity;
import dev.firebreak.slack.SlackActions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SlackViewsTest {

    static final UUID ID = UUID.fromString("6f1c2f4e-0000-4000-8000-000000000042");
    static final Instant DETECTED = Instant.parse("2026-11-28T05:00:00Z");
    static final JsonMapper JSON = JsonMapper.builder().build();

    static IncidentView view(IncidentStatus status, List<IncidentView.AlertView> alerts, int truncated) {
        return new IncidentView(
                ID,
                42,
                "API latency <!channel> & errors",
                "Checkout is <b>slow</b>",
                Severity.SEV2,
                status,
                "slack:U123ABC",
                "Bob <bob@example.com>",
                null,
                DETECTED,
                DETECTED.plusSeconds(60),
                status == IncidentStatus.TRIGGERED ? null : DETECTED.plusSeconds(300),
                null,
                status == IncidentStatus.RESOLVED ? DETECTED.plus(Duration.ofMinutes(62)) : null,
                "http://alertmanager:9093",
                truncated,
                alerts,
                false);
    }

    static IncidentView.AlertView alert(String name, boolean firing, String instance) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("alertname", name);
        labels.put("instance", instance);
        labels.put("job", "api");
        return new IncidentView.AlertView(
                name,
                firing,
                labels,
                "http://prometheus:9090/graph?g0.expr=up&g0.tab=1",
                "https://runbooks.example.com/latency");
    }

    static JsonNode blocks(IncidentView v) {
        return JSON.readTree(SlackDeliveryContext.json(StatusCard.blocks(v)));
    }

    // ---- channel names ----------------------------------------------------------------------------

    @Test
    void channelNamesAreDeterministicSlugs() {
        assertThat(ChannelNames.of("inc", 12, "API down")).isEqualTo("inc-12-api-down");
        assertThat(ChannelNames.of("inc", 7, "Café – Zürich: Datenbank   langsam!!! 🔥"))
                .isEqualTo("inc-7-cafe-zurich-datenbank-langsam");
        assertThat(ChannelNames.of("inc", 8, "Straße/Ærø Łódź")).isEqualTo("inc-8-strasse-aero-lodz");
        assertThat(ChannelNames.of("inc", 9, "🔥🔥🔥")).isEqualTo("inc-9");
        assertThat(ChannelNames.of("inc", 10, "数据库 down")).isEqualTo("inc-10-down");
        assertThat(ChannelNames.of("INC", 11, "--snake_case__ok--")).isEqualTo("inc-11-snake_case__ok");
        assertThat(ChannelNames.of("", 3, "x")).isEqualTo("inc-3-x");
        String longTitle = "a".repeat(70) + " " + "b".repeat(300);
        String name = ChannelNames.of("inc", 123456, longTitle);
        assertThat(name)
                .hasSizeLessThanOrEqualTo(80)
                .startsWith("inc-123456-aaaa")
                .doesNotEndWith("-");
        String dashAt80 = ChannelNames.of("inc", 1, "x".repeat(73) + " yyyy");
        assertThat(dashAt80).isEqualTo("inc-1-" + "x".repeat(73)).doesNotEndWith("-");
        for (String title : List.of("", "   ", "!!!", "ÀÉÎÕÜ", "a-b--c---d", "x".repeat(500), "🙂 ok 🙂")) {
            String n = ChannelNames.of("inc", 5, title);
            assertThat(n).matches("[a-z0-9_-]{1,80}").doesNotEndWith("-").doesNotContain("--");
        }
    }

    @Test
    void suffixesStayWithin80Characters() {
        String base = ChannelNames.of("inc", 1, "z".repeat(200));
        assertThat(ChannelNames.withSuffix(base, 1)).isEqualTo(base);
        assertThat(ChannelNames.withSuffix(base, 2)).hasSize(80).endsWith("z-2");
        assertThat(ChannelNames.withSuffix(base, 13)).hasSize(80).endsWith("-13");
        assertThat(ChannelNames.withSuffix("inc-4-db", 2)).isEqualTo("inc-4-db-2");
    }

    // ---- status card ------------------------------------------------------------------------------

    @Test
    void cardShowsFieldsEscapesUntrustedTextAndOffersButtonsForTheStatus() {
        JsonNode blocks = blocks(view(IncidentStatus.TRIGGERED, List.of(alert("HighLatency", true, "api-1:8080")), 0));
        String json = blocks.toString();
        assertThat(blocks.get(0).path("type").asString()).isEqualTo("header");
        assertThat(blocks.get(0).path("text").path("type").asString()).isEqualTo("plain_text");
        assertThat(blocks.get(0).path("text").path("text").asString())
                .isEqualTo("INC-42: API latency <!channel> & errors");
        JsonNode fields = blocks.get(1).path("fields");
        assertThat(fields.get(0).path("text").asString()).isEqualTo("*Severity*\nSEV2");
        assertThat(fields.get(1).path("text").asString()).contains("Triggered");
        assertThat(fields.get(2).path("text").asString()).isEqualTo("*Commander*\n<@U123ABC>");
        assertThat(fields.get(3).path("text").asString()).isEqualTo("*Scribe*\nBob &lt;bob@example.com&gt;");
        assertThat(fields.get(4).path("text").asString()).isEqualTo("*Comms*\n_unassigned_");
        assertThat(blocks.get(2).path("text").path("text").asString()).isEqualTo("Checkout is &lt;b&gt;slow&lt;/b&gt;");
        // no mrkdwn text anywhere carries a raw special mention from untrusted input
        for (JsonNode mrkdwn : blocks.findParents("type")) {
            if ("mrkdwn".equals(mrkdwn.path("type").asString())) {
                assertThat(mrkdwn.path("text").asString()).doesNotContain("<!channel>");
            }
        }
        assertThat(json)
                .contains("<http://prometheus:9090/graph?g0.expr=up&amp;g0.tab=1|Graph>")
                .contains("<http://alertmanager:9093|Alertmanager>")
                .contains("<https://runbooks.example.com/latency|Runbook>");
        assertThat(actionIds(blocks))
                .containsExactly(
                        SlackActions.ACKNOWLEDGE,
                        SlackActions.MITIGATE,
                        SlackActions.RESOLVE,
                        SlackActions.CHANGE_SEVERITY);
        JsonNode actions = actionsBlock(blocks);
        assertThat(actions.path("elements").get(0).path("value").asString()).isEqualTo(ID.toString());
        JsonNode select = actions.path("elements").get(3);
        assertThat(select.path("type").asString()).isEqualTo("static_select");
        assertThat(select.path("options")).hasSize(4);
        assertThat(select.path("initial_option").path("value").asString()).isEqualTo(ID + ":SEV2");
    }

    @Test
    void buttonsFollowTheLifecycle() {
        assertThat(actionIds(blocks(view(IncidentStatus.ACKNOWLEDGED, List.of(), 0))))
                .containsExactly(SlackActions.MITIGATE, SlackActions.RESOLVE, SlackActions.CHANGE_SEVERITY);
        assertThat(actionIds(blocks(view(IncidentStatus.MITIGATED, List.of(), 0))))
                .containsExactly(SlackActions.RESOLVE, SlackActions.CHANGE_SEVERITY, SlackActions.POSTMORTEM);
        assertThat(actionIds(blocks(view(IncidentStatus.RESOLVED, List.of(), 0))))
                .containsExactly(SlackActions.POSTMORTEM);
    }

    @Test
    void alertsShowCountsFirstFiveAndTruncation() {
        List<IncidentView.AlertView> alerts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            alerts.add(alert("Down" + i, i != 0, "node-" + i));
        }
        alerts.add(alert("<!here> evil", true, "<@U999>"));
        String text = StatusCard.alerts(view(IncidentStatus.TRIGGERED, alerts, 7));
        assertThat(text).startsWith("*Alerts:* 8 firing · 1 resolved");
        assertThat(text.lines().filter(l -> l.startsWith(":red_circle:") || l.startsWith(":large_green_circle:")))
                .hasSize(5);
        assertThat(text)
                .contains(":red_circle: *Down1* — instance=node-1, job=api")
                .doesNotContain("Down0") // resolved ones come after firing ones, beyond the first five
                .contains("_+4 more_")
                .contains("_+7 more not shown by Alertmanager_")
                .doesNotContain("<!here>")
                .doesNotContain("<@U999>");
    }

    @Test
    void hugeInputStaysWithinSlackLimits() {
        List<IncidentView.AlertView> alerts = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            Map<String, String> labels =
                    Map.of("alertname", "A" + i, "instance", "&".repeat(5000), "job", "j".repeat(5000));
            alerts.add(new IncidentView.AlertView("A".repeat(5000), true, labels, "javascript:alert(1)", "ftp://x"));
        }
        IncidentView v = new IncidentView(
                ID,
                1,
                "T".repeat(500),
                "&".repeat(10_000),
                Severity.SEV1,
                IncidentStatus.TRIGGERED,
                "x".repeat(5000),
                null,
                null,
                DETECTED,
                DETECTED,
                null,
                null,
                null,
                "http://am/" + "p".repeat(5000),
                100_000,
                alerts,
                false);
        JsonNode blocks = blocks(v);
        assertThat(blocks.size()).isLessThanOrEqualTo(StatusCard.MAX_BLOCKS);
        assertThat(blocks.get(0).path("text").path("text").asString()).hasSizeLessThanOrEqualTo(150);
        for (JsonNode node : blocks.findParents("text")) {
            if (node.path("text").isString()) {
                assertThat(node.path("text").asString()).hasSizeLessThanOrEqualTo(3000);
            }
        }
        String json = blocks.toString();
        assertThat(json).doesNotContain("javascript:").doesNotContain("ftp://").doesNotContain("http://am/");
        assertThat(StatusCard.alerts(v)).endsWith("_+100000 more not shown by Alertmanager_");
        // escaping is never cut in the middle of an entity
        assertThat(blocks.get(2).path("text").path("text").asString()).matches("(&amp;)+…");
        assertThat(StatusCard.text(v)).hasSizeLessThanOrEqualTo(300);
    }

    // ---- topic, announcement, closing summary ----------------------------------------------------

    @Test
    void topicPurposeAndAnnouncement() {
        IncidentView v = view(IncidentStatus.ACKNOWLEDGED, List.of(), 0);
        assertThat(SlackMessages.topic(v))
                .isEqualTo("INC-42 | SEV2 | ACKNOWLEDGED | API latency &lt;!channel&gt; &amp; errors");
        assertThat(SlackMessages.purpose(v)).endsWith("[firebreak:" + ID + "]").hasSizeLessThanOrEqualTo(250);
        assertThat(SlackMessages.announcement(v, "C123"))
                .isEqualTo(
                        ":rotating_light: *INC-42* (SEV2) opened: API latency &lt;!channel&gt; &amp; errors → <#C123>");
        IncidentView longOne = new IncidentView(
                ID,
                42,
                "L".repeat(500),
                null,
                Severity.SEV1,
                IncidentStatus.TRIGGERED,
                null,
                null,
                null,
                DETECTED,
                DETECTED,
                null,
                null,
                null,
                null,
                0,
                List.of(),
                false);
        assertThat(SlackMessages.topic(longOne)).hasSize(250);
        assertThat(SlackMessages.purpose(longOne)).hasSizeLessThanOrEqualTo(250).endsWith("[firebreak:" + ID + "]");
    }

    @Test
    void closingSummaryMeasuresFromDetection() {
        String text = SlackMessages.closingSummary(view(IncidentStatus.RESOLVED, List.of(), 0));
        assertThat(text).isEqualTo("""
                :white_check_mark: *INC-42 resolved*: API latency &lt;!channel&gt; &amp; errors
                • Time to acknowledge: 5m 00s
                • Time to mitigate: n/a
                • Time to resolve: 1h 02m
                _Measured from detection._
                *Summary:* Checkout is &lt;b&gt;slow&lt;/b&gt;""");
        assertThat(SlackMessages.duration(Duration.ofSeconds(42))).isEqualTo("42s");
        assertThat(SlackMessages.duration(Duration.ofHours(50))).isEqualTo("2d 2h 0m");
        assertThat(SlackMessages.duration(Duration.ofSeconds(-5))).isEqualTo("0s");
    }

    private static JsonNode actionsBlock(JsonNode blocks) {
        for (JsonNode b : blocks) {
            if ("actions".equals(b.path("type").asString())) {
                return b;
            }
        }
        throw new AssertionError("no actions block");
    }

    private static List<String> actionIds(JsonNode blocks) {
        List<String> ids = new ArrayList<>();
        actionsBlock(blocks)
                .path("elements")
                .forEach(e -> ids.add(e.path("action_id").asString()));
        return ids;
    }
}
