package dev.firebreak.system.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.support.MutableClock;
import dev.firebreak.support.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The shared rate budgets on the real database (H2, or PostgreSQL with {@code -Ppostgres}). Two {@link RateBudgets}
 * on one database stand for two replicas: they share slots and holds because the rows are all they share.
 *
 * <p>A JDBC slice: only the data source, Flyway, JDBC templates and transactions start, on a database of its own
 * from {@link TestDatabase}. Not in a test transaction: every take commits, as it does in production, and the
 * concurrent takers see each other's rows.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ContextConfiguration(initializers = TestDatabase.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class RateBudgetsTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T06:00:00Z"));

    @Autowired
    NamedParameterJdbcTemplate jdbc;

    @Autowired
    TransactionTemplate tx;

    private RateBudgets replica() {
        return new RateBudgets(jdbc, clock, tx);
    }

    private static Budget budget(Duration interval, int burst) {
        return new Budget("test:" + UUID.randomUUID(), interval, burst);
    }

    @Test
    void aBurstGoesAtOnceThenOneSlotPerIntervalSharedByReplicas() {
        RateBudgets a = replica();
        RateBudgets b = replica();
        Budget budget = budget(Duration.ofSeconds(1), 3);
        assertThat(a.take(budget, Priority.HIGH)).isEmpty();
        assertThat(b.take(budget, Priority.HIGH)).isEmpty();
        assertThat(a.take(budget, Priority.HIGH)).isEmpty();
        Instant t0 = clock.instant();
        assertThat(b.take(budget, Priority.HIGH))
                .as("the burst is spent on both replicas")
                .contains(t0.plusSeconds(1));
        clock.advance(Duration.ofMillis(999));
        assertThat(a.take(budget, Priority.HIGH)).isPresent();
        clock.advance(Duration.ofMillis(1));
        assertThat(a.take(budget, Priority.HIGH)).isEmpty();
        assertThat(b.take(budget, Priority.HIGH)).contains(t0.plusSeconds(2));
    }

    @Test
    void lowerPrioritiesLeaveAReserveForHigherOnes() {
        RateBudgets budgets = replica();
        Budget budget = budget(Duration.ofSeconds(3), 3);
        assertThat(budgets.take(budget, Priority.HIGH)).isEmpty();
        Instant t0 = clock.instant();
        assertThat(budgets.take(budget, Priority.LOW))
                .as("low goes only into a full bucket")
                .contains(t0.plusSeconds(3));
        assertThat(budgets.take(budget, Priority.NORMAL)).isEmpty();
        assertThat(budgets.take(budget, Priority.NORMAL))
                .as("normal leaves the last slot to high")
                .isPresent();
        assertThat(budgets.take(budget, Priority.HIGH)).isEmpty();
        assertThat(budgets.take(budget, Priority.HIGH)).contains(t0.plusSeconds(3));
        // When slots come back, high's comes first: low has to wait until the bucket is full again.
        assertThat(budgets.take(budget, Priority.LOW)).contains(t0.plusSeconds(9));
    }

    @Test
    void aHoldAfterA429StopsEveryReplicaAndEveryPriorityUntilItEnds() {
        RateBudgets a = replica();
        RateBudgets b = replica();
        Budget budget = budget(Duration.ofMillis(100), 5);
        Instant until = clock.instant().plusSeconds(30);
        a.holdUntil(budget.key(), until);
        assertThat(b.take(budget, Priority.HIGH)).contains(until);
        assertThat(b.heldUntil(budget.key())).contains(until);
        a.holdUntil(budget.key(), clock.instant().plusSeconds(5));
        assertThat(b.heldUntil(budget.key()))
                .as("a shorter hold does not shorten a longer one")
                .contains(until);
        clock.set(until);
        assertThat(b.take(budget, Priority.LOW)).isEmpty();
        assertThat(a.heldUntil(budget.key())).isEmpty();
    }

    @Test
    void aOneAtATimeBudgetIsHeldDuringTheCallAndFreedOneIntervalAfterTheAnswer() {
        RateBudgets a = replica();
        RateBudgets b = replica();
        Budget channel = budget(Duration.ofSeconds(1), 1);
        RateBudgets.Slot held = a.takeAlone(channel, Duration.ofSeconds(10));
        assertThat(held.granted()).isTrue();
        clock.advance(Duration.ofSeconds(3)); // a slow answer: nobody calls meanwhile, whatever the interval
        assertThat(b.takeAlone(channel, Duration.ofSeconds(10)).granted()).isFalse();
        a.release(channel, held, true);
        assertThat(b.takeAlone(channel, Duration.ofSeconds(10)).notBefore())
                .as("one interval after the answer")
                .isEqualTo(clock.instant().plusSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        RateBudgets.Slot next = b.takeAlone(channel, Duration.ofSeconds(10));
        assertThat(next.granted()).isTrue();
        b.release(channel, next, false);
        assertThat(a.takeAlone(channel, Duration.ofSeconds(10)).granted())
                .as("a call that did not happen frees it at once")
                .isTrue();
    }

    @Test
    void aHolderThatDiesFreesTheSlotWhenItsHoldEnds() {
        RateBudgets budgets = replica();
        Budget channel = budget(Duration.ofSeconds(1), 1);
        RateBudgets.Slot lost = budgets.takeAlone(channel, Duration.ofSeconds(10));
        assertThat(lost.granted()).isTrue();
        assertThat(budgets.takeAlone(channel, Duration.ofSeconds(10)).notBefore())
                .as("in flight: look again soon")
                .isEqualTo(clock.instant().plusMillis(500));
        clock.advance(Duration.ofSeconds(11));
        RateBudgets.Slot taken = budgets.takeAlone(channel, Duration.ofSeconds(10));
        assertThat(taken.granted()).isTrue();
        budgets.release(channel, lost, true);
        assertThat(budgets.takeAlone(channel, Duration.ofSeconds(10)).granted())
                .as("the late answer of the dead holder does not free the new holder's slot")
                .isFalse();
    }

    @Test
    void aSlotGivenBackCanBeTakenAgain() {
        RateBudgets budgets = replica();
        Budget budget = budget(Duration.ofSeconds(10), 1);
        assertThat(budgets.take(budget, Priority.HIGH)).isEmpty();
        budgets.giveBack(budget);
        assertThat(budgets.take(budget, Priority.HIGH)).isEmpty();
        assertThat(budgets.take(budget, Priority.HIGH)).isPresent();
    }

    @Test
    void waitingHoldersArePromisedSlotsInTurnAndComeBackOnce() {
        RateBudgets a = replica();
        RateBudgets b = replica();
        Budget budget = budget(Duration.ofSeconds(1), 1);
        Instant t0 = clock.instant();
        assertThat(a.take(budget, Priority.HIGH, "task:1")).isEmpty();
        assertThat(b.take(budget, Priority.HIGH, "task:2")).contains(t0.plusSeconds(1));
        assertThat(a.take(budget, Priority.HIGH, "task:3")).contains(t0.plusSeconds(2));
        assertThat(b.take(budget, Priority.HIGH, "task:4")).contains(t0.plusSeconds(3));
        assertThat(a.take(budget, Priority.HIGH))
                .as("a caller without a promise polls behind them")
                .contains(t0.plusSeconds(4));
        clock.advance(Duration.ofMillis(500));
        assertThat(a.take(budget, Priority.HIGH, "task:3"))
                .as("too early: the same promise")
                .contains(t0.plusSeconds(2));
        clock.set(t0.plusSeconds(2));
        assertThat(b.take(budget, Priority.HIGH, "task:3"))
                .as("its turn: goes without taking again")
                .isEmpty();
        assertThat(a.take(budget, Priority.HIGH, "task:2"))
                .as("a late comer keeps its paid slot")
                .isEmpty();
        clock.set(t0.plusSeconds(3));
        assertThat(a.take(budget, Priority.HIGH))
                .as("task:4's slot is not free for a poller")
                .isPresent();
        assertThat(b.take(budget, Priority.HIGH, "task:4")).isEmpty();
        clock.set(t0.plusSeconds(4));
        assertThat(a.take(budget, Priority.HIGH)).isEmpty();
    }

    @Test
    void concurrentTakersFromManyReplicasNeverGetMoreThanTheBurst() throws Exception {
        Budget budget = budget(Duration.ofMinutes(1), 7);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> granted = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            RateBudgets replica = replica();
            granted.add(pool.submit(() -> {
                start.await();
                int n = 0;
                for (int i = 0; i < 25; i++) {
                    if (replica.take(budget, Priority.HIGH).isEmpty()) {
                        n++;
                    }
                }
                return n;
            }));
        }
        start.countDown();
        int total = 0;
        for (Future<Integer> f : granted) {
            total += f.get();
        }
        pool.shutdown();
        assertThat(total).isEqualTo(7);
    }

    @Test
    void aPublishedLimitBecomesABudgetThatStaysOneCallBelowItInAnyWindow() {
        Budget tier2 = Budget.within("slack:conversations.create", 20, Duration.ofMinutes(1));
        assertThat(tier2.burst()).isEqualTo(3);
        assertThat(tier2.interval()).isEqualTo(Duration.ofMillis(3750));
        Budget perChannel = Budget.within("slack:chat@C1", 1, Duration.ofSeconds(1));
        assertThat(perChannel.burst()).isEqualTo(1);
        assertThat(perChannel.interval()).isEqualTo(Duration.ofMillis(1100));
        // Greedy callers, asking every 100 ms for 3 minutes: never more than 19 in any 60 s window.
        RateBudgets budgets = replica();
        List<Instant> calls = new ArrayList<>();
        for (int ms = 0; ms < 180_000; ms += 100) {
            Optional<Instant> wait = budgets.take(tier2, Priority.HIGH);
            if (wait.isEmpty()) {
                calls.add(clock.instant());
            }
            clock.advance(Duration.ofMillis(100));
        }
        for (int i = 0; i < calls.size(); i++) {
            Instant from = calls.get(i);
            long inWindow = calls.stream()
                    .filter(c -> !c.isBefore(from) && c.isBefore(from.plusSeconds(60)))
                    .count();
            assertThat(inWindow).isLessThanOrEqualTo(19);
        }
        assertThat(calls.size()).as("and the budget is used: 3 + 16 per minute").isBetween(49, 52);
    }
}
