package dev.firebreak.system.health;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code db} health check (readiness and {@code /actuator/health}), answered within {@link #LIMIT}.
 *
 * <p>Spring's check borrows a pool connection; while the database is down the pool waits its whole
 * connection timeout (5 s) before failing, so a Kubernetes probe with a 1 s timeout failed by timeout instead
 * of reading 503. Here the check runs on its own thread; a check that has not answered within the limit is
 * DOWN, and concurrent probes share the one check in flight (a probe storm never queues up pool waiters).
 */
@Configuration(proxyBeanMethods = false)
class BoundedDatabaseHealth {

    static final Duration LIMIT = Duration.ofMillis(800);

    /** Replaces Spring Boot's {@code dbHealthContributor} (same name, so the health group key stays {@code db}). */
    @Bean(name = "dbHealthContributor", destroyMethod = "close")
    Indicator dbHealthContributor(DataSource dataSource) {
        return new Indicator(new DataSourceHealthIndicator(dataSource, "SELECT 1"));
    }

    static final class Indicator implements HealthIndicator, AutoCloseable {

        private final HealthIndicator delegate;
        private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "db-health");
            t.setDaemon(true);
            return t;
        });
        private CompletableFuture<Health> inFlight;

        Indicator(HealthIndicator delegate) {
            this.delegate = delegate;
        }

        @Override
        public Health health() {
            CompletableFuture<Health> check;
            synchronized (this) {
                if (inFlight == null || inFlight.isDone()) {
                    inFlight = CompletableFuture.supplyAsync(delegate::health, executor);
                }
                check = inFlight;
            }
            try {
                return check.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                return Health.down()
                        .withDetail("error", "no answer from the database within " + LIMIT.toMillis() + " ms")
                        .build();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Health.down().build();
            } catch (Exception e) {
                return Health.down(e).build();
            }
        }

        @Override
        public void close() {
            executor.shutdownNow();
        }
    }
}
