package dev.firebreak.system.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Counts and logs refused requests (bad credentials, bad signatures, replays, slow bodies) without letting an
 * attacker flood the log: every refusal increments {@code firebreak.http.refused{endpoint,reason}}, and at most
 * one INFO line per endpoint per {@link #INTERVAL} summarises what was refused since the previous line
 * (counts by reason and the last remote address). Never logs credentials or bodies.
 */
@Component
public class RefusedRequests {

    static final Duration INTERVAL = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(RefusedRequests.class);

    private final MeterRegistry meters;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public RefusedRequests(MeterRegistry meters, Clock clock) {
        this.meters = meters;
        this.clock = clock;
    }

    /** Records one refused request to {@code endpoint} (a path) for {@code reason} (a short tag). */
    public void refused(String endpoint, String reason, String remoteAddress) {
        Counter.builder("firebreak.http.refused")
                .tag("endpoint", endpoint)
                .tag("reason", reason)
                .description("Requests refused before any work (credentials, signature, replay, slow or bad body)")
                .register(meters)
                .increment();
        Window w = windows.computeIfAbsent(endpoint, e -> new Window());
        w.counts.computeIfAbsent(reason, r -> new LongAdder()).increment();
        Instant now = clock.instant();
        Instant next = w.nextLog;
        if (next == null || !now.isBefore(next)) {
            synchronized (w) {
                if (w.nextLog != null && now.isBefore(w.nextLog)) {
                    return;
                }
                w.nextLog = now.plus(INTERVAL);
                Map<String, Long> summary = new TreeMap<>();
                w.counts.forEach((r, n) -> {
                    long c = n.sumThenReset();
                    if (c > 0) {
                        summary.put(r, c);
                    }
                });
                long total =
                        summary.values().stream().mapToLong(Long::longValue).sum();
                log.info(
                        "Refused {} request(s) to {} {}: {} (last from {}; at most one such line per {}s, all counted "
                                + "in firebreak.http.refused)",
                        total,
                        endpoint,
                        next == null ? "(first)" : "since the last report",
                        summary,
                        remoteAddress,
                        INTERVAL.toSeconds());
            }
        }
    }

    private static final class Window {
        final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
        volatile Instant nextLog;
    }
}
