package dev.firebreak.slack;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code firebreak.slack.pacing.*}: the client-side budgets that keep the bot under Slack's published limits (per
 * method per workspace, and one message per second per channel), shared by every replica through the database.
 *
 * @param enabled    pace calls (off: calls go at once and only Slack's 429s slow them down)
 * @param tier1      calls per {@code period} Slack allows for a Tier 1 method
 * @param tier2      ... Tier 2 (conversations.create, setTopic, setPurpose, pins.add, archive)
 * @param tier3      ... Tier 3 (chat.update, conversations.invite, conversations.history)
 * @param tier4      ... Tier 4 (users.info, files.*, views.open)
 * @param postMessage workspace-wide chat.postMessage calls per {@code period} (Slack says "several hundred")
 * @param perChannel  at most one chat.postMessage or chat.update per channel per this interval, counted from the
 *                    previous call's answer
 * @param period     the window the tier limits count over (Slack: a minute). Tests compress time by shortening it
 *                   together with {@code per-channel}
 * @param methods    method to tier ({@code tier1}..{@code tier4}) for methods not in the built-in table, or to
 *                   override it
 */
@ConfigurationProperties("firebreak.slack.pacing")
public record SlackPacingSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1") int tier1,
        @DefaultValue("20") int tier2,
        @DefaultValue("50") int tier3,
        @DefaultValue("100") int tier4,
        @DefaultValue("300") int postMessage,
        @DefaultValue("1s") Duration perChannel,
        @DefaultValue("1m") Duration period,
        Map<String, String> methods) {

    public SlackPacingSettings {
        methods = methods == null ? Map.of() : Map.copyOf(methods);
    }

    /** Calls per period for a tier name ({@code tier1}..{@code tier4}, {@code post-message}). */
    int limit(String tier) {
        return switch (tier) {
            case "tier1" -> tier1;
            case "tier3" -> tier3;
            case "tier4" -> tier4;
            case "post-message" -> postMessage;
            default -> tier2;
        };
    }
}
