package dev.firebreak.system.outbox;

import dev.firebreak.system.logging.IncidentReferences;
import dev.firebreak.system.logging.TraceContext;
import dev.firebreak.system.scheduling.JobLeases;
import dev.firebreak.system.scheduling.PollingWorker;
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
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Runs due outbox tasks: claims the head of each queue with a lease (renewed while the handler runs), calls its
 * handler outside any transaction, then completes, reschedules (exponential backoff or the handler's time), fails it,
 * or, after {@code max-attempts}, sets it aside as {@code DEAD} so its queue moves on.
 * Woken right after a transaction that enqueued work commits; polls otherwise.
 */
@Component
public class OutboxWorker extends PollingWorker {

    /** Published by {@link Outbox} when it writes a task; wakes the worker after commit. */
    record WorkEnqueued() {}

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);
    static final String PURGE_JOB = "outbox-purge";
    private static final Duration PURGE_EVERY = Duration.ofHours(1);
    private static final ThreadLocal<Long> CURRENT = new ThreadLocal<>();

    /** The id of the outbox task this thread is running, if any (rate budgets promise it a slot while it waits). */
    public static java.util.Optional<Long> currentTask() {
        return java.util.Optional.ofNullable(CURRENT.get());
    }

    private final OutboxStore store;
    private final OutboxTasks tasks;
    private final Map<String, OutboxHandler> handlers;
    private final OutboxSettings settings;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final OutboxMetrics metrics;
    private final OutboxLeases leases;
    private final ObjectProvider<IncidentReferences> references;
    private final JobLeases jobs;
    private Instant lastPurge = Instant.EPOCH;
    private ExecutorService pool;

    OutboxWorker(
            OutboxStore store,
            OutboxTasks tasks,
            List<OutboxHandler> handlers,
            OutboxSettings settings,
            Clock clock,
            ApplicationEventPublisher events,
            OutboxMetrics metrics,
            ObjectProvider<IncidentReferences> references,
            JobLeases jobs) {
        super("outbox-poller", settings.pollInterval(), message -> message);
        this.references = references;
        this.jobs = jobs;
        this.store = store;
        this.tasks = tasks;
        this.handlers = handlers.stream()
                .flatMap(h -> java.util.stream.Stream.concat(
                                java.util.stream.Stream.of(h.kind()), h.formerKinds().stream())
                        .map(k -> Map.entry(k, h)))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        this.settings = settings;
        this.clock = clock;
        this.events = events;
        this.metrics = metrics;
        this.leases = new OutboxLeases(store, settings.lease());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onEnqueued(WorkEnqueued event) {
        poller.wake();
    }

    /**
     * Claims the due head of each queue (the one claim path: the poller and tests both use it). A claim is an atomic
     * conditional UPDATE on a lease, so two replicas never run one task at once.
     */
    private List<Long> claimDue() {
        Instant now = clock.instant();
        List<Long> claimed = new ArrayList<>();
        for (OutboxStore.Due due : store.dueHeads(now, settings.batchSize())) {
            if (poller.stopping()) {
                break;
            }
            if (claim(due)) {
                claimed.add(due.id());
            }
        }
        return claimed;
    }

    private boolean claim(OutboxStore.Due due) {
        if (!store.claim(due.id(), owner(), settings.lease())) {
            return false;
        }
        if (due.expiredOwner() != null) {
            metrics.takeover(due.kind());
            log.info(
                    "Outbox task {} ({}) taken over from {}, whose lease expired",
                    due.id(),
                    due.kind(),
                    due.expiredOwner());
        }
        return true;
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
        List<Future<?>> inFlight = new ArrayList<>();
        for (Long id : claimed) {
            inFlight.add(pool.submit(() -> runOrRelease(id)));
        }
        for (Future<?> f : inFlight) {
            try {
                f.get();
            } catch (Exception e) {
                log.warn("Outbox task crashed", e);
            }
        }
        if (!claimed.isEmpty()) {
            poller.wake();
        }
    }

    private void run(long id) {
        tasks.findById(id).ifPresent(this::execute);
    }

    /** A claimed task that has not started when the worker stops goes back to the queue for another replica. */
    private void runOrRelease(long id) {
        if (poller.stopping()) {
            store.release(id, owner());
            log.info("Outbox task {} released: this worker is stopping", id);
            return;
        }
        run(id);
    }

    void execute(OutboxTask task) {
        String incident = task.getIncidentId() == null ? null : incidentReference(task.getIncidentId());
        TraceContext.with(task.getTraceId(), incident, () -> executeTraced(task));
    }

    /** The incident's reference (INC-42) for the log lines, else its id. */
    private String incidentReference(UUID id) {
        try {
            IncidentReferences lookup = references.getIfAvailable();
            String reference = lookup == null ? null : lookup.reference(id);
            return reference == null ? id.toString() : reference;
        } catch (RuntimeException e) {
            return id.toString();
        }
    }

    private void executeTraced(OutboxTask task) {
        OutboxHandler handler = handlers.get(task.getKind());
        OutboxResult result;
        if (handler == null) {
            result = OutboxResult.retry("no handler for kind " + task.getKind() + " in this process");
        } else {
            CURRENT.set(task.getId());
            try (OutboxLeases.Renewal renewal = leases.keep(task.getId(), owner())) {
                result = handler.handle(task);
            } catch (Exception e) {
                log.debug("Outbox task {} ({}) threw", task.getId(), task.getKind(), e);
                result = OutboxResult.retry(e.getClass().getSimpleName() + ": " + e.getMessage());
            } finally {
                CURRENT.remove();
            }
        }
        Instant now = clock.instant();
        if (result instanceof OutboxResult.Retry r && r.paced() && r.at() != null) {
            store.postpone(task.getId(), owner(), r.at(), r.reason());
            count(task, "paced");
            log.debug("Outbox task {} ({}) waits until {}: {}", task.getId(), task.getKind(), r.at(), r.reason());
        } else if (result instanceof OutboxResult.Retry r && task.getAttempts() >= settings.maxAttempts()) {
            String reason = "gave up after " + task.getAttempts() + " attempts: " + r.reason();
            store.finish(task.getId(), owner(), OutboxTask.DEAD, now, reason);
            count(task, "dead");
            log.warn("Outbox task {} ({}) is dead: {}", task.getId(), task.getKind(), reason);
            events.publishEvent(new OutboxTaskFailed(task.getId(), task.getKind(), task.getIncidentId(), reason, now));
        } else if (result instanceof OutboxResult.Retry r) {
            Instant at = r.at() != null ? r.at() : now.plus(backoff(task.getAttempts()));
            store.reschedule(task.getId(), owner(), at, r.reason());
            count(task, "retry");
            log.info("Outbox task {} ({}) retries at {}: {}", task.getId(), task.getKind(), at, r.reason());
        } else if (result instanceof OutboxResult.Failed f) {
            store.finish(task.getId(), owner(), OutboxTask.FAILED, now, f.reason());
            count(task, "failed");
            log.warn("Outbox task {} ({}) failed permanently: {}", task.getId(), task.getKind(), f.reason());
            events.publishEvent(
                    new OutboxTaskFailed(task.getId(), task.getKind(), task.getIncidentId(), f.reason(), now));
        } else {
            store.complete(task.getId(), owner(), now);
            count(task, "done");
            log.info("Outbox task {} ({}) done", task.getId(), task.getKind());
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
        metrics.attempt(task.getKind(), outcome);
    }

    @Override
    protected void poll() {
        pollOnce();
        if (!clock.instant().isBefore(lastPurge.plus(PURGE_EVERY))) {
            lastPurge = clock.instant();
            purgeFinished();
        }
    }

    /**
     * Deletes finished tasks past retention: hourly (from the poll loop), on the one replica holding the
     * {@code outbox-purge} job. Package-private so that a test calls it as the poll loop does.
     */
    void purgeFinished() {
        if (jobs.claimEvery(PURGE_JOB, PURGE_EVERY)) {
            store.purgeFinishedBefore(clock.instant().minus(settings.retention()));
        }
    }

    @Override
    public void start() {
        if (!settings.enabled()) {
            log.info("Outbox worker disabled (firebreak.outbox.enabled=false)");
            return;
        }
        pool = Executors.newFixedThreadPool(Math.max(1, settings.concurrency()), daemonThreads("outbox-task"));
        log.info("Outbox worker {} started", owner());
        poller.start();
    }

    @Override
    public void stop() {
        poller.stop();
        if (pool != null) {
            pool.shutdown();
        }
    }
}
