package dev.firebreak.system.outbox;

/**
 * Runs one kind of outbox task (e.g. {@code slack.create-channel}, {@code pagerduty.trigger}).
 * Implementations are Spring beans; the worker finds them by {@link #kind()}.
 *
 * <p>A handler must be idempotent: a task can run again after a crash, a lease expiry or a retry, and
 * two replicas never run the same task at once but may run it one after the other.
 */
public interface OutboxHandler {

    String kind();

    /**
     * Kinds this handler took over from an earlier version (a migration renames the queued tasks; replicas of
     * the previous version may still enqueue the old name during a rolling upgrade).
     */
    default java.util.Set<String> formerKinds() {
        return java.util.Set.of();
    }

    /**
     * Does the work. Return {@link OutboxResult#done()}, {@link OutboxResult#retryAt} / {@link OutboxResult#retry}
     * for transient faults, or {@link OutboxResult#failed} for permanent ones. An exception thrown counts
     * as a transient fault and is retried with backoff.
     */
    OutboxResult handle(OutboxTask task) throws Exception;
}
