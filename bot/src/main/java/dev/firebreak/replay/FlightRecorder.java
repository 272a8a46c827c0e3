package dev.firebreak.replay;

import dev.firebreak.system.json.Json;
import dev.firebreak.system.scheduling.JobLeases;
import dev.firebreak.system.text.StoredText;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The flight recorder: every request to the Alertmanager webhook, written to {@code alert_recording} off the request
 * thread. {@link #record} only offers to a bounded queue (a few hundred nanoseconds; a full queue drops the
 * recording and counts it in {@code firebreak.recorder.dropped}, it never slows or fails intake; the queue is bounded
 * by count and by bytes). One writer thread
 * per replica writes batches, extracts the groupKey and the outcome, and prunes by age and total size
 * ({@code firebreak.recorder.*}) every prune-interval (on one replica, see {@link #pruneIfDue}) and after every tenth
 * of max-size it wrote, so the table exceeds max-size by at most about a tenth per replica between prunes.
 */
@Component
public class FlightRecorder implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FlightRecorder.class);
    private static final JsonMapper JSON = Json.mapper();

    private static final int HEADERS_ALLOWANCE = 256;
    static final String PRUNE_JOB = "flight-recorder-prune";

    private final RecorderSettings settings;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final JobLeases jobs;
    private final BlockingQueue<Recording> queue;
    private final ReentrantLock writing = new ReentrantLock();
    private final java.util.concurrent.atomic.AtomicLong queuedBytes = new java.util.concurrent.atomic.AtomicLong();
    private final Counter recorded;
    private final Counter dropped;
    private final Counter pruned;
    private volatile Thread writer;
    private volatile boolean running;
    private long bytesSincePrune;
    private Instant lastPrune = Instant.EPOCH;

    FlightRecorder(RecorderSettings settings, JdbcTemplate jdbc, Clock clock, MeterRegistry registry, JobLeases jobs) {
        this.settings = settings;
        this.jobs = jobs;
        this.jdbc = jdbc;
        this.clock = clock;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.recorded = Counter.builder("firebreak.recorder.recorded")
                .description("Webhook requests recorded")
                .register(registry);
        this.dropped = Counter.builder("firebreak.recorder.dropped")
                .description("Webhook requests not recorded because the recorder's queue was full")
                .register(registry);
        this.pruned = Counter.builder("firebreak.recorder.pruned")
                .description("Recordings deleted by age or size")
                .register(registry);
        Gauge.builder("firebreak.recorder.queue", queue, BlockingQueue::size)
                .description("Recordings waiting to be written")
                .register(registry);
    }

    public boolean enabled() {
        return settings.enabled();
    }

    /** Queues one request for the recording; never blocks. */
    void record(Recording recording) {
        if (!settings.enabled()) {
            return;
        }
        long size = size(recording);
        if (queuedBytes.addAndGet(size) > settings.queueBytes().toBytes() || !queue.offer(recording)) {
            queuedBytes.addAndGet(-size);
            dropped.increment();
        }
    }

    /** Writes everything queued so far and prunes (tests, shutdown). */
    public void flush() {
        writing.lock();
        try {
            List<Recording> batch = new ArrayList<>();
            Recording first;
            while ((first = queue.poll()) != null) {
                writeBatchFrom(first, batch);
                pruneIfDue();
            }
            prune();
        } finally {
            writing.unlock();
        }
    }

    /**
     * Writes {@code first} and whatever else is queued, up to batch-size rows and a tenth of max-size: the one way the
     * writer thread and {@link #flush} take a batch, so pruning keeps the table within a tenth of max-size of its limit.
     */
    private void writeBatchFrom(Recording first, List<Recording> batch) {
        try {
            long limit = settings.maxSize().toBytes() / 10;
            long bytes = size(first);
            batch.add(first);
            Recording next;
            while (batch.size() < settings.batchSize() && bytes < limit) {
                next = queue.peek();
                if (next == null || bytes + size(next) > limit) {
                    break;
                }
                batch.add(queue.poll());
                bytes += size(next);
            }
            write(batch);
        } finally {
            batch.clear();
        }
    }

    /**
     * Prunes after this replica wrote a tenth of max-size (each writer keeps its own writes within the bound; prunes
     * racing on two replicas delete the same oldest rows), and every prune-interval on the one replica holding the
     * {@code flight-recorder-prune} job (age-based pruning, once per interval whatever the number of replicas).
     */
    private void pruneIfDue() {
        if (bytesSincePrune > settings.maxSize().toBytes() / 10) {
            prune();
        } else if (!clock.instant().isBefore(lastPrune.plus(settings.pruneInterval()))) {
            lastPrune = clock.instant();
            if (jobs.claimEvery(PRUNE_JOB, settings.pruneInterval())) {
                prune();
            }
        }
    }

    /** Deletes recordings older than max-age, then the oldest ones until the total is within max-size. */
    public void prune() {
        writing.lock();
        try {
            Instant now = clock.instant();
            int n = jdbc.update("DELETE FROM alert_recording WHERE received_at < ?", utc(now.minus(settings.maxAge())));
            long max = settings.maxSize().toBytes();
            Long total = jdbc.queryForObject("SELECT COALESCE(SUM(size_bytes), 0) FROM alert_recording", Long.class);
            if (total != null && total > max) {
                Long cutoff = jdbc.queryForObject("""
                        SELECT MAX(id) FROM (SELECT id, SUM(size_bytes) OVER (ORDER BY id DESC
                            ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS newer FROM alert_recording) t
                        WHERE newer > ?""", Long.class, max);
                if (cutoff != null) {
                    n += jdbc.update("DELETE FROM alert_recording WHERE id <= ?", cutoff);
                }
            }
            pruned.increment(n);
            bytesSincePrune = 0;
            lastPrune = now;
        } catch (RuntimeException e) {
            log.warn("Could not prune the flight recorder: {}", e.toString());
        } finally {
            writing.unlock();
        }
    }

    private void loop() {
        List<Recording> batch = new ArrayList<>();
        while (running) {
            try {
                Recording first = queue.poll(500, TimeUnit.MILLISECONDS);
                writing.lock();
                try {
                    if (first != null) {
                        writeBatchFrom(first, batch);
                    }
                    pruneIfDue();
                } finally {
                    writing.unlock();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The database is away: these recordings are lost (intake itself answers 503 meanwhile).
                log.warn("Could not write a batch of recordings: {}", e.toString());
            }
        }
    }

    /** What a recording will count in {@code size_bytes}, at most (headers are four short values, JSON-quoted). */
    private static long size(Recording r) {
        return (r.body() == null ? 0 : r.body().length)
                + (r.answer() == null ? 0 : r.answer().length())
                + HEADERS_ALLOWANCE;
    }

    private void write(List<Recording> batch) {
        List<Object[]> rows = new ArrayList<>(batch.size());
        for (Recording r : batch) {
            queuedBytes.addAndGet(-size(r));
            String body = r.body() == null ? null : StoredText.clean(new String(r.body(), StandardCharsets.UTF_8));
            String headers = Captures.headers(r.headers());
            String answer = r.answer() == null ? null : StoredText.clean(r.answer());
            JsonNode a = parse(answer);
            String outcome = a == null
                    ? "http_" + r.status()
                    : a.hasNonNull("outcome")
                            ? a.get("outcome").asString().toLowerCase(java.util.Locale.ROOT)
                            : a.hasNonNull("error") ? a.get("error").asString() : "http_" + r.status();
            String incident =
                    a != null && a.hasNonNull("incident") ? a.get("incident").asString() : null;
            int size = (body == null ? 0 : body.length()) + headers.length() + (answer == null ? 0 : answer.length());
            bytesSincePrune += size;
            rows.add(new Object[] {
                utc(r.receivedAt()),
                r.status(),
                cut(outcome, 64),
                groupKey(r.body()),
                cut(incident, 64),
                headers,
                answer,
                body,
                size
            });
        }
        jdbc.batchUpdate(
                "INSERT INTO alert_recording (received_at, http_status, outcome, group_key, incident_ref,"
                        + " headers, answer, body, size_bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows);
        recorded.increment(rows.size());
    }

    /** The top-level {@code groupKey} of a body, read with the streaming parser (null when absent or not JSON). */
    static String groupKey(byte[] body) {
        if (body == null) {
            return null;
        }
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("groupKey".equals(name) && value == JsonToken.VALUE_STRING) {
                    return StoredText.clean(p.getString());
                }
                p.skipChildren();
            }
            return null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static JsonNode parse(String answer) {
        if (answer == null || answer.isBlank()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(answer);
            return node != null && node.isObject() ? node : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    @Override
    public void start() {
        if (!settings.enabled() || running) {
            return;
        }
        running = true;
        Thread t = new Thread(this::loop, "flight-recorder");
        t.setDaemon(true);
        writer = t;
        t.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread t = writer;
        if (t != null) {
            t.interrupt();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("Could not write the last recordings at shutdown: {}", e.toString());
        }
    }

    @PreDestroy
    void close() {
        if (running) {
            stop();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the web server (phase DEFAULT_PHASE - 2048) has answered its last request. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
