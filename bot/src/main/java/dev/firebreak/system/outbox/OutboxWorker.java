package dev.firebreak.system.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Runs due outbox tasks: claims the head of each queue with a lease (renewed while the handler runs), calls its
 * handler outside any transaction, then completes, reschedules (exponential backoff or the handler's time), fails it,
 * or, after {@code max-attempts}, sets it aside as {@code DEAD} so its queue moves on.
 * Woken right after a transaction that enqueued work commits; polls otherwise.
 */
@Component
public class OutboxWorker implements SmartLifecycle {

    /** Published by {@link Outbox} when it writes a task; wakes the worker after commit. */
    record WorkEnqueued() {
    }

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

    private final OutboxStore store;
    private final OutboxTasks tasks;
    private final Map<String, OutboxHandler> handlers;
    private final OutboxSettings settings;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final MeterRegistry meters;
    private final String owner;
    private final OutboxLeases leases;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Thread poller;
    private ExecutorService pool;

    OutboxWorker(OutboxStore store, OutboxTasks tasks, List<OutboxHandler> handlers, OutboxSettings settings,
                 Clock clock, ApplicationEventPublisher events, MeterRegistry meters) {
        this.store = store;
        this.tasks = tasks;
        this.handlers = handlers.stream().collect(Collectors.toMap(OutboxHandler::kind, Function.identity()));
        this.settings = settings;
        this.clock = clock;
        this.events = events;
        this.meters = meters;
        this.owner = hostName() + "/" + UUID.randomUUID().toString().substring(0, 8);
        this.leases = new OutboxLeases(store, settings.lease(), clock);
        Gauge.builder("firebreak.outbox.pending", store, st -> st.count(OutboxTask.PENDING))
                .description("Outbox tasks not yet done").register(meters);
        Gauge.builder("firebreak.outbox.dead", store, st -> st.count(OutboxTask.DEAD))
                .description("Outbox tasks out of attempts, waiting for a re-drive (POST /api/outbox/{id}/retry)")
                .register(meters);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onEnqueued(WorkEnqueued event) {
        wakeUp.release();
    }

    /**
     * Claims the due head of each queue (the one claim path: the poller and tests both use it). A claim is an atomic
     * conditional UPDATE on a lease, so two replicas never run one task at once.
     */
    private List<Long> claimDue() {
        Instant now = clock.instant();
        List<Long> claimed = new ArrayList<>();
        for (Long id : store.dueHeads(now, settings.batchSize())) {
            if (store.claim(id, owner, now, now.plus(settings.lease()))) {
                claimed.add(id);
            }
        }
        return claimed;
    }

    /** Runs due tasks once, in the calling thread, and returns how many ran. */
    public int runDueTasks() {
        List<Long> claimed = claimDue();
        claimed.forEach(this::run);
        return claimed.size();
    }

    /**
     * Runs due tasks in the calling thread until none is due (at most {@code rounds} rounds) and returns how many ran:
     * after it returns, everything that was going to happen by now has happened. Tests drain instead of sleeping.
     */
    public int drain(int rounds) {
        int ran = 0;
        for (int i = 0; i < rounds; i++) {
            int n = runDueTasks();
            if (n == 0) {
                break;
            }
            ran += n;
        }
        return ran;
    }

    private void pollOnce() {
        List<Long> claimed = claimDue();
        List<Future<?>> running = new ArrayList<>();
        for (Long id : claimed) {
            running.add(pool.submit(() -> run(id)));
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (Exception e) {
                log.warn("Outbox task crashed", e);
            }
        }
        if (!claimed.isEmpty()) {
            wakeUp.release();
        }
    }

    private void run(long id) {
        tasks.findById(id).ifPresent(this::execute);
    }

    void execute(OutboxTask task) {
        OutboxHandler handler = handlers.get(task.getKind());
        OutboxResult result;
        if (handler == null) {
            result = OutboxResult.retry("no handler for kind " + task.getKind() + " in this process");
        } else {
            try (OutboxLeases.Renewal renewal = leases.keep(task.getId(), owner)) {
                result = handler.handle(task);
            } catch (Exception e) {
                result = OutboxResult.retry(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        Instant now = clock.instant();
        if (result instanceof OutboxResult.Retry r && task.getAttempts() >= settings.maxAttempts()) {
            String reason = "gave up after " + task.getAttempts() + " attempts: " + r.reason();
            store.finish(task.getId(), owner, OutboxTask.DEAD, now, reason);
            count(task, "dead");
            log.warn("Outbox task {} ({}) is dead: {}", task.getId(), task.getKind(), reason);
            events.publishEvent(new OutboxTaskFailed(task.getId(), task.getKind(), task.getIncidentId(), reason, now));
        } else if (result instanceof OutboxResult.Retry r) {
            Instant at = r.at() != null ? r.at() : now.plus(backoff(task.getAttempts()));
            store.reschedule(task.getId(), owner, at, r.reason());
            count(task, "retry");
            log.info("Outbox task {} ({}) retries at {}: {}", task.getId(), task.getKind(), at, r.reason());
        } else if (result instanceof OutboxResult.Failed f) {
            store.finish(task.getId(), owner, OutboxTask.FAILED, now, f.reason());
            count(task, "failed");
            log.warn("Outbox task {} ({}) failed permanently: {}", task.getId(), task.getKind(), f.reason());
            events.publishEvent(new OutboxTaskFailed(task.getId(), task.getKind(), task.getIncidentId(),
                    f.reason(), now));
        } else {
            store.complete(task.getId(), owner, now);
            count(task, "done");
        }
    }

    Duration backoff(int attempts) {
        long base = settings.baseBackoff().toMillis();
        long max = settings.maxBackoff().toMillis();
        long exp = base * (1L << Math.min(Math.max(attempts - 1, 0), 20));
        long capped = Math.min(exp, max);
        long jitter = (long) (capped * 0.2 * ThreadLocalRandom.current().nextDouble());
        return Duration.ofMillis(capped - jitter);
    }

    private void count(OutboxTask task, String outcome) {
        Counter.builder("firebreak.outbox.tasks").tag("kind", task.getKind()).tag("outcome", outcome)
                .description("Outbox task attempts by outcome").register(meters).increment();
    }

    private void loop() {
        Instant lastPurge = Instant.EPOCH;
        while (running) {
            try {
                pollOnce();
                if (Duration.between(lastPurge, clock.instant()).toHours() >= 1) {
                    store.purgeFinishedBefore(clock.instant().minus(settings.retention()));
                    lastPurge = clock.instant();
                }
            } catch (Exception e) {
                log.warn("Outbox poll failed (will retry): {}", e.toString());
            }
            try {
                wakeUp.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void start() {
        if (!settings.enabled()) {
            log.info("Outbox worker disabled (firebreak.outbox.enabled=false)");
            return;
        }
        running = true;
        pool = Executors.newFixedThreadPool(Math.max(1, settings.concurrency()), r -> {
            Thread t = new Thread(r, "outbox-task");
            t.setDaemon(true);
            return t;
        });
        poller = new Thread(this::loop, "outbox-poller");
        poller.setDaemon(true);
        poller.start();
    }

    @Override
    public void stop() {
        running = false;
        wakeUp.release();
        if (poller != null) {
            try {
                poller.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (pool != null) {
            pool.shutdown();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // Stop before the web server and the datasource: in-flight tasks finish, nothing new is claimed.
        return Integer.MAX_VALUE - 2048;
    }

    public String owner() {
        return owner;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "firebreak";
        }
    }
}
