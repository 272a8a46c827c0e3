package dev.firebreak.system.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code firebreak.outbox.*}: the durable work queue.
 *
 * @param enabled      run the worker in this process (a replica can be intake-only)
 * @param pollInterval how often the worker looks for due tasks when nothing woke it
 * @param batchSize    tasks claimed per poll
 * @param concurrency  tasks run at once (tasks of one queue always run one after another)
 * @param lease        how long a claim lasts before another worker may take the task over
 * @param baseBackoff  first retry delay; doubles per attempt, with jitter
 * @param maxBackoff   longest retry delay
 * @param maxAttempts  attempts before a task that keeps failing transiently is set aside as {@code DEAD} (its queue
 *                     moves on; {@code POST /api/outbox/{id}/retry} re-drives it)
 * @param retention    how long finished tasks are kept
 */
@ConfigurationProperties("firebreak.outbox")
public record OutboxSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("250ms") Duration pollInterval,
        @DefaultValue("20") int batchSize,
        @DefaultValue("4") int concurrency,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("1s") Duration baseBackoff,
        @DefaultValue("5m") Duration maxBackoff,
        @DefaultValue("60") int maxAttempts,
        @DefaultValue("7d") Duration retention) {}
