package dev.firebreak.system.scheduling;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The poll loop of the outbox worker and the runbook engine: one daemon thread runs {@code poll} every
 * {@code interval}, or at once after {@link #wake} (a commit made work due); a failed poll is logged and retried on the
 * next tick. It only decides when to look: what is claimed is decided in the database, by leases.
 */
public final class Poller {

    private static final Logger log = LoggerFactory.getLogger(Poller.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final String name;
    private final Duration interval;
    private final Runnable poll;
    private final UnaryOperator<String> mask;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private volatile boolean started;
    private Thread thread;

    /** {@code mask} redacts what a failed poll's error may carry before it is logged. */
    public Poller(String name, Duration interval, Runnable poll, UnaryOperator<String> mask) {
        this.name = name;
        this.interval = interval;
        this.poll = poll;
        this.mask = mask;
    }

    /** Polls now instead of at the next tick. */
    public void wake() {
        wakeUp.release();
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        started = true;
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops polling and waits (up to 10 s) for the poll in progress to finish. */
    public synchronized void stop() {
        running = false;
        wakeUp.release();
        if (thread != null) {
            try {
                thread.join(STOP_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Stops at once, interrupting the poll in progress (a crash, in tests). */
    public void interrupt() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    public boolean running() {
        return running;
    }

    /** True once started and then stopped: a poll in progress should claim nothing more. */
    public boolean stopping() {
        return started && !running;
    }

    private void loop() {
        while (running) {
            try {
                poll.run();
            } catch (Exception e) {
                log.warn("{} poll failed (will retry): {}", name, mask.apply(e.toString()));
            }
            try {
                wakeUp.tryAcquire(interval.toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
