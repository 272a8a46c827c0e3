package dev.firebreak.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Load generator for the Alertmanager webhook: sends version-4 notifications of 10 alerts each (new groups,
 * repeats and resolves mixed) over HTTP and reports throughput and acknowledgement latency.
 *
 * <pre>
 * java -cp bench/target/classes dev.firebreak.bench.AlertLoad --url=http://127.0.0.1:8080 --token=T \
 *      --mode=open --rate=500 --duration=20 --concurrency=64
 * </pre>
 * Modes: {@code open} sends on a fixed schedule (rate per second) whatever the answers do, and measures latency
 * from the scheduled send time, so queueing in the generator counts; {@code closed} keeps {@code concurrency}
 * requests in flight for the sustained maximum; {@code noop} is closed-loop on {@code /actuator/health/liveness},
 * the app's ceiling for a request that does no work. With {@code --heap-url} it samples heap use (max printed).
 */
public final class AlertLoad {

    private final Map<String, String> args;
    private final HttpClient http;
    private final GroupMix mix = new GroupMix();
    private final AtomicLong heapPeak = new AtomicLong();

    private AlertLoad(Map<String, String> args) {
        this.args = args;
        int concurrency = Integer.parseInt(arg("concurrency", "64"));
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(Math.max(4, concurrency / 4)))
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new LinkedHashMap<>();
        for (String a : argv) {
            String[] kv = a.replaceFirst("^--", "").split("=", 2);
            args.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        new AlertLoad(args).run();
    }

    private String arg(String name, String def) {
        return args.getOrDefault(name, def);
    }

    private void run() throws Exception {
        String mode = arg("mode", "open");
        String url = arg("url", "http://127.0.0.1:8080");
        int duration = Integer.parseInt(arg("duration", "20"));
        int concurrency = Integer.parseInt(arg("concurrency", "64"));
        Thread sampler = startHeapSampler(arg("heap-url", null));
        Supplier<HttpRequest> next;
        if (mode.equals("noop")) {
            HttpRequest liveness = HttpRequest.newBuilder(URI.create(url + "/actuator/health/liveness")).GET().build();
            next = () -> liveness;
        } else {
            URI webhook = URI.create(url + "/webhooks/alertmanager");
            String auth = "Bearer " + arg("token", "");
            next = () -> HttpRequest.newBuilder(webhook).header("Authorization", auth)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(mix.next())).build();
        }
        Result r = mode.equals("open")
                ? openLoop(next, Double.parseDouble(arg("rate", "500")), duration, concurrency)
                : closedLoop(next, duration, concurrency);
        if (sampler != null) {
            sampler.interrupt();
        }
        r.print(mode, arg("rate", "-"), concurrency, heapPeak.get());
        System.exit(0);
    }

    /** Fixed schedule: request i is due at start + i/rate; latency counts from when it was due. */
    private Result openLoop(Supplier<HttpRequest> next, double rate, int seconds, int concurrency) throws Exception {
        int total = (int) (rate * seconds);
        Result r = new Result(total);
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime() + 50_000_000L;
        for (int i = 0; i < total; i++) {
            long due = start + (long) (i * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            HttpRequest request = next.get();
            workers.execute(() -> send(request, due, r));
        }
        workers.shutdown();
        // An overloaded server cannot catch up with an open-loop schedule; give it 10 s, then count whatever was
        // not acknowledged (never sent, or interrupted in flight) as errors instead of waiting forever.
        if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
            r.unsent = workers.shutdownNow().size();
            workers.awaitTermination(5, TimeUnit.SECONDS);
        }
        r.elapsedNanos = System.nanoTime() - start;
        return r;
    }

    /** {@code concurrency} senders back to back for {@code seconds}. */
    private Result closedLoop(Supplier<HttpRequest> next, int seconds, int concurrency) throws Exception {
        Result r = new Result(2_000_000);
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            Thread th = new Thread(() -> {
                while (System.nanoTime() < end) {
                    send(next.get(), System.nanoTime(), r);
                }
            });
            th.start();
            threads.add(th);
        }
        for (Thread th : threads) {
            th.join();
        }
        r.elapsedNanos = System.nanoTime() - start;
        return r;
    }

    private void send(HttpRequest request, long due, Result r) {
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            r.record(System.nanoTime() - due, response.statusCode());
        } catch (Exception e) {
            r.record(System.nanoTime() - due, -1);
        }
    }

    private Thread startHeapSampler(String heapUrl) {
        if (heapUrl == null) {
            return null;
        }
        Thread t = new Thread(() -> {
            HttpRequest req = HttpRequest.newBuilder(URI.create(heapUrl)).GET().build();
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    String body = http.send(req, HttpResponse.BodyHandlers.ofString()).body();
                    int i = body.indexOf("\"value\":");
                    if (i >= 0) {
                        String v = body.substring(i + 8).split("[,}]")[0];
                        heapPeak.accumulateAndGet((long) Double.parseDouble(v), Math::max);
                    }
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // keep sampling
                }
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Latencies and status counts of one run. */
    static final class Result {
        final long[] latencies;
        final AtomicInteger count = new AtomicInteger();
        final Map<Integer, AtomicInteger> statuses = new java.util.concurrent.ConcurrentHashMap<>();
        long elapsedNanos;
        int unsent;

        Result(int capacity) {
            latencies = new long[capacity];
        }

        void record(long nanos, int status) {
            int i = count.getAndIncrement();
            if (i < latencies.length) {
                latencies[i] = nanos;
            }
            statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
        }

        void print(String mode, String rate, int concurrency, long heapPeak) {
            int n = Math.min(count.get(), latencies.length);
            long[] sorted = java.util.Arrays.copyOf(latencies, n);
            java.util.Arrays.sort(sorted);
            long ok = statuses.entrySet().stream().filter(e -> e.getKey() >= 200 && e.getKey() < 300)
                    .mapToLong(e -> e.getValue().get()).sum();
            double secs = elapsedNanos / 1e9;
            System.out.printf(Locale.ROOT, "mode=%s offered=%s/s concurrency=%d requests=%d ok=%d errors=%d statuses=%s%n",
                    mode, rate, concurrency, count.get(), ok, count.get() - ok, statuses);
            System.out.printf(Locale.ROOT, "throughput=%.1f/s (ok %.1f/s) over %.1fs%n", count.get() / secs, ok / secs, secs);
            if (unsent > 0) {
                System.out.printf(Locale.ROOT, "unsent=%d (still queued in the generator 10 s after the schedule ended: errors)%n", unsent);
            }
            System.out.printf(Locale.ROOT, "latency_ms p50=%.2f p90=%.2f p99=%.2f max=%.2f%n",
                    pct(sorted, 0.50), pct(sorted, 0.90), pct(sorted, 0.99), n == 0 ? 0 : sorted[n - 1] / 1e6);
            if (heapPeak > 0) {
                System.out.printf(Locale.ROOT, "heap_peak_mb=%.1f%n", heapPeak / 1048576.0);
            }
        }

        private static double pct(long[] sorted, double p) {
            return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
        }
    }

    /**
     * The notification mix: about 20% open a new group, 65% repeat an active group unchanged, 15% resolve one.
     * Every notification carries 10 alerts. Group keys are unique per run.
     */
    static final class GroupMix {
        private final String run = Long.toString(System.currentTimeMillis(), 36);
        private final List<Integer> active = new ArrayList<>();
        private final AtomicInteger groups = new AtomicInteger();
        private final String startsAt = Instant.now().minusSeconds(60).toString();

        GroupMix() {
            // Start with a pool of groups (their first notification opens them), as a real Alertmanager has many
            // groups and sends each at most once per group_interval: senders do not all queue on one incident.
            for (int g = 1; g <= MIN_ACTIVE; g++) {
                active.add(g);
            }
            groups.set(MIN_ACTIVE);
        }

        static final int MIN_ACTIVE = 100;
        static final int MAX_ACTIVE = 500;

        synchronized String next() {
            ThreadLocalRandom rnd = ThreadLocalRandom.current();
            double p = rnd.nextDouble();
            if (active.size() < MIN_ACTIVE || (p < 0.20 && active.size() < MAX_ACTIVE)) {
                int g = groups.incrementAndGet();
                active.add(g);
                return notification(g, false);
            }
            int idx = rnd.nextInt(active.size());
            int g = active.get(idx);
            if (p > 0.85 || active.size() >= MAX_ACTIVE) {
                active.remove(idx);
                return notification(g, true);
            }
            return notification(g, false);
        }

        private String notification(int g, boolean resolved) {
            String status = resolved ? "resolved" : "firing";
            String name = "BenchAlert" + g;
            String endsAt = resolved ? Instant.now().toString() : "0001-01-01T00:00:00Z";
            StringBuilder alerts = new StringBuilder();
            for (int i = 0; i < 10; i++) {
                if (i > 0) {
                    alerts.append(',');
                }
                alerts.append("{\"status\":\"").append(status).append("\",\"labels\":{\"alertname\":\"").append(name)
                        .append("\",\"severity\":\"warning\",\"service\":\"bench\",\"instance\":\"node-").append(i)
                        .append(":9100\"},\"annotations\":{\"summary\":\"Bench alert ").append(g).append("\"},")
                        .append("\"startsAt\":\"").append(startsAt).append("\",\"endsAt\":\"").append(endsAt)
                        .append("\",\"generatorURL\":\"http://prometheus:9090/graph\",\"fingerprint\":\"")
                        .append(String.format("%08x%08x", g, i)).append("\"}");
            }
            return "{\"receiver\":\"firebreak\",\"status\":\"" + status + "\",\"alerts\":[" + alerts
                    + "],\"groupLabels\":{\"alertname\":\"" + name + "\"},\"commonLabels\":{\"alertname\":\"" + name
                    + "\",\"service\":\"bench\",\"severity\":\"warning\"},\"commonAnnotations\":{\"summary\":\"Bench alert "
                    + g + "\"},\"externalURL\":\"http://alertmanager:9093\",\"version\":\"4\",\"groupKey\":\"{}:{run=\\\""
                    + run + "\\\", alertname=\\\"" + name + "\\\"}\",\"truncatedAlerts\":0}";
        }
    }
}
