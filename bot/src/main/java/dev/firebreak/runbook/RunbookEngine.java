package dev.firebreak.runbook;

import dev.firebreak.runbooks.steps.StepStatus;
import dev.firebreak.system.scheduling.PollingWorker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The durable engine: claims due runs with a lease (a conditional UPDATE, as the outbox does), asks the interpreter
 * what comes next, writes each step transition before acting on it, runs the step on a worker thread with a real
 * timeout (the thread is interrupted and the step recorded as timed out), and records the result before the next
 * step. Waiting runs (approvals, polls, timers, queued runs) sleep in the database, not in a thread, so they
 * resume after a restart on any replica.
 */
@Component
public class RunbookEngine extends PollingWorker {

    /** Published when a run becomes due now; wakes the poller after commit. */
    record RunDue(long runId) {}

    private static final Logger log = LoggerFactory.getLogger(RunbookEngine.class);
    /** How often a running step looks whether its run was cancelled. */
    private static final Duration CANCEL_CHECK = Duration.ofMillis(500);

    private final RunJournal journal;
    private final RunSteps steps;
    private final RunbookSettings settings;
    private final Clock clock;
    private volatile boolean halted;
    private ExecutorService runPool;
    private ExecutorService stepPool;

    private final dev.firebreak.runbooks.Masker masker;

    RunbookEngine(
            RunJournal journal,
            RunSteps steps,
            RunbookSettings settings,
            Clock clock,
            dev.firebreak.runbooks.Masker masker) {
        super("runbook-engine", settings.pollInterval(), m -> masker.mask(RunMessages.cap(m, 300)));
        this.masker = masker;
        this.journal = journal;
        this.steps = steps;
        this.settings = settings;
        this.clock = clock;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onDue(RunDue event) {
        poller.wake();
    }

    /** Advances every due run as far as it goes now, in the calling thread; returns how many were claimed. */
    public int runDue() {
        int n = 0;
        for (Long id : journal.due(clock.instant(), 20)) {
            if (claim(id)) {
                advance(id, true, Integer.MAX_VALUE);
                n++;
            }
        }
        return n;
    }

    /** Claims one run and takes exactly one step of it (tests stop an engine between two steps this way). */
    boolean advanceOneStep(long runId) {
        if (!claim(runId)) {
            return false;
        }
        advance(runId, true, 1);
        return true;
    }

    private boolean claim(long runId) {
        return journal.claim(runId, owner(), settings.lease());
    }

    @Override
    protected void poll() {
        List<Future<?>> started = new ArrayList<>();
        for (Long id : journal.due(clock.instant(), Math.max(1, settings.concurrency()) * 2)) {
            if (!poller.running()) {
                break;
            }
            if (claim(id)) {
                started.add(runPool.submit(() -> advance(id, false, Integer.MAX_VALUE)));
            }
        }
        for (Future<?> f : started) {
            try {
                f.get();
            } catch (Exception e) {
                log.warn("Runbook run crashed: {}", masker.mask(RunMessages.cap(String.valueOf(e), 300)));
            }
        }
    }

    /** Advances one claimed run up to {@code maxSteps} transitions (or until it pauses), then releases the claim. */
    private void advance(long runId, boolean manual, int maxSteps) {
        try {
            for (int i = 0; i < maxSteps && i < 10_000; i++) {
                if (halted || (!manual && !poller.running())) {
                    return;
                }
                RunRow run = journal.find(runId).orElse(null);
                if (run == null || run.status().isFinal() || !owner().equals(run.leaseOwner())) {
                    return;
                }
                if (steps.advanceOnce(run, owner(), this::execute, () -> !halted)) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            if (!halted) {
                log.warn(
                        "Runbook run {} could not advance (will retry): {}",
                        runId,
                        masker.mask(RunMessages.cap(String.valueOf(e), 300)));
            }
        } finally {
            if (!halted) {
                journal.release(runId, owner());
            }
        }
    }

    /** Runs one step with its timeout on the step pool; a timeout interrupts the thread. */
    RunbookCore.Outcome execute(java.util.concurrent.Callable<RunbookCore.Outcome> work, Duration timeout, long runId)
            throws Exception {
        Duration limit = timeout == null ? settings.stepTimeout() : timeout;
        journal.extend(runId, owner(), limit.plus(settings.lease()));
        ExecutorService pool =
                stepPool != null && !stepPool.isShutdown() ? stepPool : Executors.newSingleThreadExecutor();
        Future<RunbookCore.Outcome> f = pool.submit(work);
        Instant until = clock.instant().plus(limit);
        try {
            while (true) {
                long left = Duration.between(clock.instant(), until).toMillis();
                if (left <= 0) {
                    f.cancel(true);
                    throw new StepTimedOut(limit);
                }
                try {
                    return f.get(Math.min(left, CANCEL_CHECK.toMillis()), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    if (journal.cancelRequested(runId)) {
                        f.cancel(true);
                        return new RunbookCore.Outcome(
                                StepStatus.CANCELLED,
                                java.util.Map.of(),
                                "cancelled while running",
                                null,
                                null,
                                null,
                                "cancelled",
                                "cancelled while running");
                    }
                }
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        } finally {
            if (pool != stepPool) {
                pool.shutdownNow();
            }
        }
    }

    /** A step that did not finish within its timeout (it was interrupted). */
    static final class StepTimedOut extends Exception {
        StepTimedOut(Duration limit) {
            super("timed out after " + RunMessages.duration(limit));
        }
    }

    @Override
    public synchronized void start() {
        if (poller.running()) {
            return;
        }
        if (!settings.engine()) {
            log.info("Runbook engine disabled in this process (firebreak.runbooks.engine=false)");
            return;
        }
        int n = Math.max(1, settings.concurrency());
        runPool = Executors.newFixedThreadPool(n, daemonThreads("runbook-run"));
        stepPool = Executors.newCachedThreadPool(daemonThreads("runbook-step"));
        poller.start();
    }

    @Override
    public synchronized void stop() {
        poller.stop();
        if (runPool != null) {
            runPool.shutdownNow();
        }
        if (stepPool != null) {
            stepPool.shutdownNow();
        }
    }

    /** Stops at once, as a crash would: nothing is finished or released (tests of recovery). */
    void halt() {
        halted = true;
        poller.interrupt();
        if (runPool != null) {
            runPool.shutdownNow();
        }
        if (stepPool != null) {
            stepPool.shutdownNow();
        }
    }

    /** After {@link #halt()}: this process "restarts" its engine (tests of recovery). */
    synchronized void revive() {
        halted = false;
        start();
    }
}
