package dev.firebreak.runbooks.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.runbooks.Masker;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StepRunnerTest {

    static StepType type(java.util.function.Function<StepRequest, StepResult> body) {
        return new StepType() {
            public String name() {
                return "test.step";
            }

            public Set<String> requiredKeys() {
                return Set.of();
            }

            public Set<String> optionalKeys() {
                return Set.of();
            }

            public boolean changing() {
                return false;
            }

            public boolean idempotent() {
                return true;
            }

            public StepResult execute(StepRequest r, StepEnvironment env) {
                return body.apply(r);
            }
        };
    }

    static final StepEnvironment ENV =
            new StepEnvironment(null, null, null, Clock.systemUTC(), false, null, new Masker(List.of("s3cret-value")));

    static StepRequest request() {
        return new StepRequest("r", "s", 1, Map.of(), Instant.now().plusSeconds(60), null, "U1");
    }

    @Test
    void failuresBecomeResultsWithTheirKindAndAreMasked() {
        StepResult r = StepRunner.run(
                type(q -> {
                    throw new StepFailure(ErrorKind.CONFLICT, "conflict using s3cret-value");
                }),
                request(),
                ENV);
        assertThat(r.status()).isEqualTo(StepStatus.FAILED);
        assertThat(r.errorKind()).isEqualTo(ErrorKind.CONFLICT);
        assertThat(r.error()).isEqualTo("conflict using ********");
        StepResult npe = StepRunner.run(
                type(q -> {
                    throw new IllegalStateException("boom");
                }),
                request(),
                ENV);
        assertThat(npe.errorKind()).isEqualTo(ErrorKind.ERROR);
        assertThat(StepRunner.run(
                        type(q -> StepResult.succeeded(Map.of("out", "s3cret-value"), "ok s3cret-value")),
                        request(),
                        ENV))
                .satisfies(ok -> {
                    assertThat(ok.outputs()).containsEntry("out", "********");
                    assertThat(ok.summary()).isEqualTo("ok ********");
                });
    }

    @Test
    void aStepInterruptedAtItsDeadlineTimesOut() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        StepType blocking = type(q -> {
            started.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RuntimeException(e);
            }
            return StepResult.succeeded(Map.of(), "never");
        });
        Thread[] worker = new Thread[1];
        CompletableFuture<StepResult> f = new CompletableFuture<>();
        worker[0] = new Thread(() -> f.complete(StepRunner.run(blocking, request(), ENV)));
        worker[0].start();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        worker[0].interrupt();
        StepResult r = f.get(10, TimeUnit.SECONDS);
        assertThat(r.status()).isEqualTo(StepStatus.TIMED_OUT);
        assertThat(r.errorKind()).isEqualTo(ErrorKind.TIMEOUT);
    }

    @Test
    void aDeadlineAlreadyPassedDoesNotRunTheStep() {
        StepResult r = StepRunner.run(
                type(q -> {
                    throw new AssertionError("must not run");
                }),
                new StepRequest("r", "s", 1, Map.of(), Instant.now().minusSeconds(1), null, "U1"),
                ENV);
        assertThat(r.status()).isEqualTo(StepStatus.TIMED_OUT);
    }
}
