package dev.firebreak.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.replicas.BotProcesses.Bot;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real stdout of bot processes started with {@code firebreak.logging.json=true}, parsed: every line must be one
 * JSON object (a SIGKILLed process may have been cut in the middle of its very last line, nowhere else).
 */
final class JsonLogs {

    static final JsonMapper JSON = JsonMapper.builder().build();

    record Line(int replica, String raw, JsonNode json) {

        String get(String field) {
            JsonNode node = json.get(field);
            if (node == null) {
                node = json.at("/" + field.replace(".", "/"));
            }
            return node == null || node.isMissingNode() || node.isNull() ? null : node.asString();
        }

        String message() {
            return get("message");
        }
    }

    private final List<Line> lines;

    private JsonLogs(List<Line> lines) {
        this.lines = lines;
    }

    static JsonLogs read(List<Bot> bots, Bot killed) throws IOException {
        List<Line> lines = new ArrayList<>();
        for (Bot bot : bots) {
            List<String> raw = bot.logLines();
            assertThat(raw).as("replica %d wrote logs", bot.index()).isNotEmpty();
            for (int i = 0; i < raw.size(); i++) {
                String text = raw.get(i);
                try {
                    JsonNode json = JSON.readTree(text);
                    assertThat(json.isObject())
                            .as("replica %d line %d is a JSON object: %s", bot.index(), i + 1, text)
                            .isTrue();
                    lines.add(new Line(bot.index(), text, json));
                } catch (JacksonException e) {
                    boolean cutByKill = bot == killed && i == raw.size() - 1;
                    assertThat(cutByKill)
                            .as("replica %d line %d is JSON: %s", bot.index(), i + 1, text)
                            .isTrue();
                }
            }
        }
        return new JsonLogs(lines);
    }

    static String field(String json, String name) {
        return JSON.readTree(json).path(name).asString();
    }

    void assertNoSecret(String... secrets) {
        for (Line line : lines) {
            for (String secret : secrets) {
                assertThat(line.raw())
                        .as("replica %d logged a secret", line.replica())
                        .doesNotContain(secret);
            }
        }
    }

    /** The replica that accepted the webhook logged it with its trace id and the incident it opened. */
    void assertWebhookLine(int replica, String traceId, String reference) {
        assertThat(lines.stream()
                        .filter(l -> l.replica() == replica)
                        .filter(traced(traceId, reference))
                        .filter(l -> l.message().startsWith("Alertmanager notification")
                                && l.message().contains("opened " + reference)))
                .as("webhook line of %s with trace id %s on replica %d", reference, traceId, replica)
                .hasSize(1);
    }

    /**
     * On whichever replicas ran them: the channel creation and the page of the incident, their Slack and PagerDuty
     * calls, all with the webhook's trace id and the incident reference.
     */
    boolean tracedToVendors(String traceId, String reference) {
        return has(traceId, reference, m -> m.matches("Outbox task \\d+ \\(slack\\.create-channel\\) done"))
                && has(traceId, reference, m -> m.equals("Slack conversations.create answered ok"))
                && has(traceId, reference, m -> m.matches("Outbox task \\d+ \\(pagerduty\\.trigger\\) done"))
                && has(traceId, reference, m -> m.matches("PagerDuty POST \\S+ answered 202"));
    }

    private boolean has(String traceId, String reference, Predicate<String> message) {
        return lines.stream().filter(traced(traceId, reference)).anyMatch(l -> message.test(l.message()));
    }

    private static Predicate<Line> traced(String traceId, String reference) {
        return l -> traceId.equals(l.get("trace_id")) && reference.equals(l.get("incident")) && l.message() != null;
    }
}
