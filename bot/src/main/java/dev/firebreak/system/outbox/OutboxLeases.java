package dev.firebreak.system.outbox;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the lease of a running task alive: renews it every third of the lease while the handler runs, so a slow
 * handler (a large upload, a slow vendor) is never taken over by another replica mid-call. A lost lease (the row was
 * re-driven or purged) is logged; the worker's final update then changes nothing.
 */
final class OutboxLeases {

    private static final Logger log = LoggerFactory.getLogger(OutboxLeases.class);

    /** Stops renewing when closed. */
    interface Renewal extends AutoCloseable {
        @Override
        void close();
    }

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "outbox-lease");
        t.setDaemon(true);
        return t;
    });

    private final OutboxStore store;
    private final Duration lease;

    OutboxLeases(OutboxStore store, Duration lease) {
        this.store = store;
        this.lease = lease;
    }

    Renewal keep(long taskId, String owner) {
        long every = Math.max(1, lease.toMillis() / 3);
        ScheduledFuture<?> renewing =
                TIMER.scheduleAtFixedRate(() -> renew(taskId, owner), every, every, TimeUnit.MILLISECONDS);
        return () -> renewing.cancel(false);
    }

    void renew(long taskId, String owner) {
        try {
            if (!store.renew(taskId, owner, lease)) {
                log.warn("Outbox task {} lost its lease while running", taskId);
            }
        } catch (RuntimeException e) {
            log.warn("Could not renew the lease of outbox task {}: {}", taskId, e.toString());
        }
    }
}
