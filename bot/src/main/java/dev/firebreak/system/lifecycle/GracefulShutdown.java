package dev.firebreak.system.lifecycle;

import dev.firebreak.system.outbox.OutboxWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The order of a replica's shutdown (SIGTERM, or the context closing), before the web server's own graceful
 * shutdown:
 * <ol>
 *   <li>readiness becomes REFUSING_TRAFFIC ({@code /actuator/health/readiness} answers 503), so Kubernetes stops
 *       routing to this pod;</li>
 *   <li>for {@code firebreak.shutdown.drain-delay} everything still works (requests already routed here);</li>
 *   <li>then webhooks answer 503 with {@code Retry-After} (Alertmanager and PagerDuty retry, on another replica);</li>
 *   <li>the outbox worker stops claiming, lets running tasks finish and gives claimed-but-unstarted ones back;</li>
 *   <li>Spring Boot's graceful shutdown waits for in-flight requests, then the server and the pool stop.</li>
 * </ol>
 */
@Component
public class GracefulShutdown implements SmartLifecycle {

    /** Stops before the web server's graceful shutdown (DEFAULT_PHASE - 1024) and the outbox worker. */
    static final int PHASE = Integer.MAX_VALUE - 512;

    private static final Logger log = LoggerFactory.getLogger(GracefulShutdown.class);

    private final ApplicationContext context;
    private final OutboxWorker worker;
    private final ShutdownSettings settings;
    private volatile boolean running;
    private volatile boolean draining;

    GracefulShutdown(ApplicationContext context, OutboxWorker worker, ShutdownSettings settings) {
        this.context = context;
        this.worker = worker;
        this.settings = settings;
    }

    /** True once this replica refuses new webhooks (after it was marked not ready and the drain delay passed). */
    public boolean draining() {
        return draining;
    }

    @Override
    public void start() {
        if (draining) {
            // Started again after a stop (a paused and resumed context): serve again.
            draining = false;
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        }
        running = true;
    }

    @Override
    public void stop() {
        if (!running) {
            return;
        }
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        log.info("Shutting down: readiness is REFUSING_TRAFFIC; webhooks answer 503 in {}", settings.drainDelay());
        try {
            Thread.sleep(Math.max(0, settings.drainDelay().toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        draining = true;
        log.info("Shutting down: webhooks answer 503; stopping the outbox worker");
        worker.stop();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
