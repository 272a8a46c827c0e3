package dev.firebreak.slack;

import dev.firebreak.system.outbox.OutboxWorker;
import dev.firebreak.system.pacing.Budget;
import dev.firebreak.system.pacing.Priority;
import dev.firebreak.system.pacing.RateBudgets;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Slack's published rate limits as client-side budgets shared by every replica ({@link RateBudgets}): one per
 * method (its tier's calls per minute) and, for {@code chat.postMessage}/{@code chat.update}, one per channel (one
 * call per second, counted from the previous answer). {@link SlackApi#call} takes a slot from each before calling;
 * a call without a slot does not happen and its outbox task waits for the slot. Slack's 429 holds the budget it hit
 * for every replica until Retry-After.
 */
@Component
class SlackPacing {

    /** Slack's tier of each method the bot calls (docs.slack.dev, method reference). Unknown methods: Tier 2. */
    static final Map<String, String> TIERS = Map.ofEntries(
            Map.entry("auth.test", "tier4"),
            Map.entry("chat.postMessage", "post-message"),
            Map.entry("chat.update", "tier3"),
            Map.entry("chat.getPermalink", "tier4"),
            Map.entry("conversations.create", "tier2"),
            Map.entry("conversations.setTopic", "tier2"),
            Map.entry("conversations.setPurpose", "tier2"),
            Map.entry("conversations.archive", "tier2"),
            Map.entry("conversations.unarchive", "tier2"),
            Map.entry("conversations.list", "tier2"),
            Map.entry("conversations.invite", "tier3"),
            Map.entry("conversations.info", "tier3"),
            Map.entry("conversations.history", "tier3"),
            Map.entry("conversations.replies", "tier3"),
            Map.entry("pins.add", "tier2"),
            Map.entry("users.info", "tier4"),
            Map.entry("users.lookupByEmail", "tier3"),
            Map.entry("usergroups.list", "tier2"),
            Map.entry("views.open", "tier4"),
            Map.entry("files.getUploadURLExternal", "tier4"),
            Map.entry("files.completeUploadExternal", "tier4"),
            Map.entry("files.info", "tier4"));

    private final SlackPacingSettings settings;
    private final RateBudgets budgets;
    private final MeterRegistry meters;
    private final Map<String, Budget> methodBudgets = new ConcurrentHashMap<>();
    private final java.time.Duration longestCall;

    SlackPacing(SlackPacingSettings settings, SlackHttpSettings http, RateBudgets budgets, MeterRegistry meters) {
        this.settings = settings;
        this.longestCall = http.timeout().plusSeconds(1);
        this.budgets = budgets;
        this.meters = meters;
    }

    /** What a call got: permission ({@link #granted}) with the channel slot it holds, or when to ask again. */
    record Permit(Instant notBefore, Budget channel, RateBudgets.Slot slot) {

        boolean granted() {
            return notBefore == null;
        }
    }

    /**
     * The slots a call needs: the channel's (held until {@link #answered}) and the method's. A budget held after a
     * 429 has no slot until then; with pacing off only such holds delay calls.
     */
    Permit take(String method, String channel, Priority priority) {
        if (!settings.enabled()) {
            return new Permit(
                    counted(method, priority, budgets.heldUntil(holdKey(method, channel)))
                            .orElse(null),
                    null,
                    null);
        }
        Budget perChannel = channelBudget(method, channel);
        RateBudgets.Slot slot = null;
        if (perChannel != null) {
            slot = budgets.takeAlone(perChannel, longestCall, holder());
            if (!slot.granted()) {
                return new Permit(
                        counted(method, priority, Optional.of(slot.notBefore())).orElseThrow(), null, null);
            }
        }
        Optional<Instant> wait = budgets.take(methodBudget(method), priority, holder());
        if (wait.isPresent() && slot != null) {
            budgets.release(perChannel, slot, false);
        }
        return wait.isPresent()
                ? new Permit(counted(method, priority, wait).orElseThrow(), null, null)
                : new Permit(null, perChannel, slot);
    }

    /** The call was answered (or failed): the channel's next call may start one interval from now. */
    void answered(Permit permit) {
        if (permit.channel() != null) {
            budgets.release(permit.channel(), permit.slot(), true);
        }
    }

    /** The outbox task making the call waits for a promised slot; other callers (interactive ones) poll. */
    private static String holder() {
        return OutboxWorker.currentTask().map(id -> "outbox:" + id).orElse(null);
    }

    /** Slack answered 429: hold what it limited (the channel for chat posts and edits, else the method). */
    void rateLimited(String method, String channel, Instant until) {
        budgets.holdUntil(holdKey(method, channel), until);
    }

    private Optional<Instant> counted(String method, Priority priority, Optional<Instant> wait) {
        if (wait.isPresent()) {
            Counter.builder("firebreak.slack.paced")
                    .tag("method", method)
                    .tag("priority", priority.name().toLowerCase())
                    .description("Slack calls held back by the shared rate budgets (their task waits for a slot)")
                    .register(meters)
                    .increment();
        }
        return wait;
    }

    /** The budget a 429 holds: the channel's for chat.postMessage/chat.update into a channel, else the method's. */
    static String holdKey(String method, String channel) {
        return perChannel(method, channel) ? "slack:chat@" + channel : "slack:" + method;
    }

    private static boolean perChannel(String method, String channel) {
        return channel != null && (method.equals("chat.postMessage") || method.equals("chat.update"));
    }

    private Budget methodBudget(String method) {
        return methodBudgets.computeIfAbsent(method, m -> {
            String tier = settings.methods().getOrDefault(m, TIERS.getOrDefault(m, "tier2"));
            return Budget.within("slack:" + m, settings.limit(tier), settings.period());
        });
    }

    /** chat.postMessage and chat.update into one channel share one budget of one call per {@code per-channel}. */
    private Budget channelBudget(String method, String channel) {
        if (!perChannel(method, channel)) {
            return null;
        }
        return new Budget("slack:chat@" + channel, settings.perChannel(), 1);
    }
}
