package dev.firebreak.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsCreateResponse;
import dev.firebreak.support.FirebreakTest;
import dev.firebreak.support.MutableClock;
import dev.firebreak.support.TestClock;
import dev.firebreak.system.outbox.OutboxResult;
import dev.firebreak.system.pacing.Priority;
import dev.firebreak.system.pacing.RateBudgets;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link SlackApi#call} with pacing on, against {@link FakeSlack} enforcing Slack's published tiers, on a clock the
 * test moves: a call without a slot is not made and answers a wait (no attempt burned), the per-channel budget keeps
 * chat posts a second apart, Slack's 429 holds the budget in the database (where every replica reads it).
 */
@FirebreakTest(
        properties = {
            "firebreak.slack.bot-token=xoxb-test",
            "firebreak.slack.pacing.enabled=true",
            "firebreak.outbox.enabled=false"
        })
@Import(TestClock.class)
class SlackPacingTest {

    static final MutableClock CLOCK = TestClock.startingAt(Instant.parse("2026-12-01T07:00:00Z"));
    static final FakeSlack SLACK = new FakeSlack(CLOCK);
    static final FakeSlack.Channel CHANNEL = SLACK.addChannel("paced", "UADMIN", "");

    @DynamicPropertySource
    static void slack(DynamicPropertyRegistry registry) {
        registry.add("firebreak.slack.api-url", SLACK::url);
    }

    @AfterAll
    static void stop() throws Exception {
        SLACK.close();
    }

    @Autowired
    SlackApi slack;

    @Autowired
    RateBudgets budgets;

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void reset() {
        CLOCK.advance(Duration.ofHours(1)); // every budget full again
        SLACK.clear();
    }

    private SlackApi.Answer<ConversationsCreateResponse> create(Priority priority) {
        String name = "c" + UUID.randomUUID().toString().substring(0, 8);
        return slack.call("conversations.create", null, priority, m -> m.conversationsCreate(r -> r.name(name)));
    }

    private SlackApi.Answer<ChatPostMessageResponse> post(Priority priority) {
        return slack.call(
                "chat.postMessage",
                CHANNEL.id,
                priority,
                m -> m.chatPostMessage(r -> r.channel(CHANNEL.id).text("x")));
    }

    @Test
    void aTier2MethodGoesInABurstThenWaitsForItsNextSlotWithoutCalling() {
        // Tier 2 (20 per minute): a burst of 3, then one call every 3.75 s.
        for (int i = 0; i < 3; i++) {
            assertThat(create(Priority.HIGH).ok()).isTrue();
        }
        SlackApi.Answer<ConversationsCreateResponse> fourth = create(Priority.HIGH);
        assertThat(fourth.response()).isNull();
        assertThat(fourth.result()).isInstanceOfSatisfying(OutboxResult.Retry.class, r -> {
            assertThat(r.paced()).as("a wait, not a failed attempt").isTrue();
            assertThat(r.at()).isEqualTo(CLOCK.instant().plusMillis(3750));
        });
        assertThat(SLACK.calls("conversations.create"))
                .as("the call was not made")
                .hasSize(3);
        assertThat(meters.counter("firebreak.slack.paced", "method", "conversations.create", "priority", "high")
                        .count())
                .isPositive();
        CLOCK.advance(Duration.ofMillis(3750));
        assertThat(create(Priority.HIGH).ok()).isTrue();
    }

    @Test
    void lowPriorityCallsLeaveTheBurstToHighPriorityOnes() {
        assertThat(create(Priority.HIGH).ok()).isTrue();
        assertThat(create(Priority.LOW).done())
                .as("low waits while the bucket is not full")
                .isFalse();
        assertThat(create(Priority.HIGH).ok()).isTrue();
        assertThat(create(Priority.HIGH).ok()).isTrue();
        assertThat(SLACK.okCalls("conversations.create")).hasSize(3);
    }

    @Test
    void chatPostsIntoOneChannelGoASecondAfterThePreviousAnswer() {
        assertThat(post(Priority.HIGH).ok()).isTrue();
        SlackApi.Answer<ChatPostMessageResponse> second = post(Priority.HIGH);
        assertThat(second.result())
                .isInstanceOfSatisfying(
                        OutboxResult.Retry.class, r -> assertThat(r.paced()).isTrue());
        CLOCK.advance(Duration.ofMillis(999));
        assertThat(post(Priority.HIGH).done()).isFalse();
        CLOCK.advance(Duration.ofMillis(1));
        assertThat(post(Priority.HIGH).ok()).isTrue();
        assertThat(SLACK.calls("chat.postMessage")).hasSize(2);
    }

    @Test
    void slacks429HoldsTheMethodForEveryReplicaUntilRetryAfter() {
        SLACK.script("conversations.create", FakeSlack.Reply.rateLimited(30));
        SlackApi.Answer<ConversationsCreateResponse> limited = create(Priority.HIGH);
        assertThat(limited.result())
                .isInstanceOfSatisfying(
                        OutboxResult.Retry.class,
                        r -> assertThat(r.paced()).as("a 429 is an attempt").isFalse());
        Instant until = CLOCK.instant().plusSeconds(30);
        assertThat(budgets.heldUntil("slack:conversations.create"))
                .as("in the database, for every replica")
                .contains(until);
        CLOCK.advance(Duration.ofSeconds(10));
        assertThat(create(Priority.HIGH).result())
                .isInstanceOfSatisfying(
                        OutboxResult.Retry.class, r -> assertThat(r.at()).isEqualTo(until));
        assertThat(SLACK.calls("conversations.create"))
                .as("nobody called during the hold")
                .hasSize(1);
        CLOCK.advance(Duration.ofSeconds(20));
        assertThat(create(Priority.HIGH).ok()).isTrue();
    }
}
