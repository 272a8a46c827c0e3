package dev.firebreak.system.scheduling;

import dev.firebreak.system.LeaseOwners;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import java.util.function.UnaryOperator;
import org.springframework.context.SmartLifecycle;

/**
 * A worker that claims leased work in the database on a {@link Poller} (the outbox worker, the runbook engine): its
 * lease owner, its poll loop, and its place in the application's lifecycle. Subclasses start and stop the loop (and
 * their thread pools) in {@link #start()} and {@link #stop()}.
 */
public abstract class PollingWorker implements SmartLifecycle {

    /** Stop before the web server and the datasource: in-flight work finishes, nothing new is claimed. */
    private static final int PHASE = Integer.MAX_VALUE - 2048;

    private final String owner = LeaseOwners.newOwner();
    protected final Poller poller;

    /** {@code mask} redacts what a failed poll's error may carry before it is logged. */
    protected PollingWorker(String name, Duration interval, UnaryOperator<String> mask) {
        this.poller = new Poller(name, interval, this::poll, mask);
    }

    /** One poll: claims and runs what is due. */
    protected abstract void poll();

    @Override
    public boolean isRunning() {
        return poller.running();
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** This worker's lease owner ({@link LeaseOwners}): the claims it holds carry it. */
    public String owner() {
        return owner;
    }

    /** Daemon threads named {@code name}, for the worker's pools. */
    protected static ThreadFactory daemonThreads(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
