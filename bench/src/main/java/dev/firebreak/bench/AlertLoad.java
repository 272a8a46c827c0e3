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

/**
 * Load generator for the Alertmanager webhook: sends version-4 notifications of 10 alerts each over HTTP/1.1
 * keep-alive connections ({@link RawHttp}, one per sender) and reports throughput and acknowledgement latency.
 *
 * <pre>
 * java -cp bench/target/classes dev.firebreak.bench.AlertLoad --url=http://127.0.0.1:8080 --token=T \
 *      --mode=closed --mix=storm --groups=500 --duration=20 --concurrency=16 [--api-token=A --verify]
 * </pre>
 * Modes: {@code open} sends on a fixed schedule (rate per second) whatever the answers do, and measures latency
 * from the scheduled send time, so queueing in the generator counts; {@code closed} keeps {@code concurrency}
 * requests in flight for the sustained maximum; {@code noop} is closed-loop on {@code /actuator/health/liveness},
 * the app's ceiling for a request that does no work. Mixes: {@code storm} ({@link StormMix}, the default: 500
 * groups, every tenth notification a resolve) and {@code mixed} ({@link GroupMix}, 20% new groups, 15% resolves).
 * With {@code --heap-url} it samples heap use (max printed). With {@code --verify} (closed loop, storm mix, needs
 * {@code --api-token}) it checks through the API that the bot opened exactly the incidents the acknowledged
 * notifications should have opened and left exactly the firing groups open, and exits 1 otherwise or on any
 * non-2xx answer.
 */
public final class AlertLoad {

    private final Map<String, String> args;
    private final HttpClient http;
    private final String host;
    private final int port;
    private final AtomicLong heapPeak = new AtomicLong();

    private AlertLoad(Map<String, String> args) {
        this.args = args;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        URI base = URI.create(arg("url", "http://127.0.0.1:8080"));
        this.host = base.getHost();
        this.port = base.getPort() < 0 ? 80 : base.getPort();
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new LinkedHashMap<>();
        for (String a : argv) {
            String[] kv = a.replaceFirst("^--", "").split("=", 2);
            args.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        System.exit(new AlertLoad(args).run());
    }

    private String arg(String name, String def) {
        return args.getOrDefault(name, def);
    }

    /** A source of whole requests for one sender thread (created on that thread). */
    interface Requests {
        byte[] next();

        default void answered(int status) {}
    }

    private int run() throws Exception {
        String mode = arg("mode", "open");
        int duration = Integer.parseInt(arg("duration", "20"));
        int concurrency = Integer.parseInt(arg("concurrency", "64"));
        String hostHeader = host + ":" + port;
        Thread sampler = startHeapSampler(arg("heap-url", null));
        StormMix storm = new StormMix(Integer.parseInt(arg("groups", "500")));
        GroupMix mixed = new GroupMix();
        boolean stormMix = arg("mix", "storm").equals("storm");
        String[] headers = {"Authorization", "Bearer " + arg("token", ""), "Content-Type", "application/json"};
        java.util.function.IntFunction<Requests> perSender;
        List<byte[]> firstWave = new ArrayList<>();
        if (mode.equals("noop")) {
            byte[] liveness = RawHttp.request("GET", "/actuator/health/liveness", hostHeader, new String[0], null);
            perSender = t -> () -> liveness;
        } else if (stormMix) {
            boolean open = mode.equals("open");
            perSender = t -> {
                // The open loop has one scheduler: one sender owns every group.
                StormMix.Sender s = open ? storm.sender(0, 1) : storm.sender(t, concurrency);
                s.primeAll()
                        .forEach(b -> firstWave.add(
                                RawHttp.request("POST", "/webhooks/alertmanager", hostHeader, headers, b)));
                return new Requests() {
                    public byte[] next() {
                        return RawHttp.request("POST", "/webhooks/alertmanager", hostHeader, headers, s.next());
                    }

                    public void answered(int status) {
                        s.acknowledged(status >= 200 && status < 300);
                    }
                };
            };
        } else {
            perSender = t -> () -> RawHttp.request(
                    "POST",
                    "/webhooks/alertmanager",
                    hostHeader,
                    headers,
                    mixed.next().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        boolean verify = args.containsKey("verify") && stormMix && mode.equals("closed");
        long[] before = verify ? incidentTotals() : null;
        List<Requests> senders = new ArrayList<>();
        for (int t = 0; t < (mode.equals("open") ? 1 : concurrency); t++) {
            senders.add(perSender.apply(t));
        }
        int firstWaveErrors = firstWave(firstWave);
        double cpuBefore = botCpuSeconds();
        Result r = mode.equals("open")
                ? openLoop(senders.get(0), Double.parseDouble(arg("rate", "500")), duration, concurrency)
                : closedLoop(senders, duration);
        double cpu = botCpuSeconds() - cpuBefore;
        if (sampler != null) {
            sampler.interrupt();
        }
        r.print(mode, arg("rate", "-"), concurrency, heapPeak.get());
        if (cpuBefore >= 0 && r.count.get() > 0) {
            System.out.printf(
                    Locale.ROOT,
                    "bot_cpu: %.1f s, %.2f ms per request (user + system of the bot process "
                            + "in the measured phase; PostgreSQL not included)%n",
                    cpu,
                    cpu * 1000 / r.count.get());
        }
        if (stormMix && !mode.equals("noop")) {
            System.out.println("sent: " + storm.sent());
        }
        int exit = 0;
        if (verify) {
            long[] after = incidentTotals();
            long opened = after[0] - before[0];
            long open = after[1] - before[1];
            boolean ok = opened == storm.expectedOpened()
                    && open == storm.expectedFiring()
                    && r.errors() == 0
                    && firstWaveErrors == 0
                    && r.count.get() > 0;
            System.out.printf(
                    Locale.ROOT,
                    "verify: incidents opened %d (expected %d), still open %d (expected %d), " + "non-2xx %d: %s%n",
                    opened,
                    storm.expectedOpened(),
                    open,
                    storm.expectedFiring(),
                    r.errors(),
                    ok ? "OK" : "FAILED");
            exit = ok ? 0 : 1;
        }
        return exit;
    }

    /**
     * The storm's first wave, before the measured phase: one opening notification per group, 16 at a time (each
     * group once, so order does not matter). Prints how long it took; returns the number of non-2xx answers.
     */
    private int firstWave(List<byte[]> requests) throws Exception {
        if (requests.isEmpty()) {
            return 0;
        }
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            Thread th = new Thread(() -> {
                try (RawHttp connection = new RawHttp(host, port)) {
                    for (int i = next.getAndIncrement(); i < requests.size(); i = next.getAndIncrement()) {
                        int status = connection.exchange(requests.get(i));
                        if (status < 200 || status >= 300) {
                            errors.incrementAndGet();
                        }
                    }
                }
            });
            th.start();
            threads.add(th);
        }
        for (Thread th : threads) {
            th.join();
        }
        double secs = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "first wave: %d groups opened in %.1f s (%.1f/s, 16 senders), non-2xx %d%n",
                requests.size(),
                secs,
                requests.size() / secs,
                errors.get());
        return errors.get();
    }

    /**
     * CPU seconds (user + system) the bot process ({@code --pid}, on this machine) has used so far, from
     * {@code /proc/<pid>/stat}; -1 without it. On a shared machine, the cost that depends least on its load.
     */
    private double botCpuSeconds() {
        String pid = arg("pid", null);
        if (pid == null) {
            return -1;
        }
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", pid, "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // utime, stime in clock ticks (USER_HZ)
        } catch (Exception e) {
            return -1;
        }
    }

    /** Total incidents and open incidents, from the API's {@code total}. */
    private long[] incidentTotals() throws Exception {
        String base = arg("url", "http://127.0.0.1:8080") + "/api/incidents?size=1";
        return new long[] {apiTotal(base), apiTotal(base + "&status=TRIGGERED,ACKNOWLEDGED,MITIGATED")};
    }

    private long apiTotal(String url) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + arg("api-token", ""))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("\"total\"\\s*:\\s*(\\d+)").matcher(response.body());
        if (response.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("GET " + url + ": " + response.statusCode() + " " + response.body());
        }
        return Long.parseLong(m.group(1));
    }

    /** Fixed schedule: request i is due at start + i/rate; latency counts from when it was due. */
    private Result openLoop(Requests requests, double rate, int seconds, int concurrency) throws Exception {
        int total = (int) (rate * seconds);
        Result r = new Result(total);
        ThreadLocal<RawHttp> connection = ThreadLocal.withInitial(() -> new RawHttp(host, port));
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime() + 50_000_000L;
        for (int i = 0; i < total; i++) {
            long due = start + (long) (i * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            byte[] request = requests.next();
            workers.execute(
                    () -> r.record(System.nanoTime() - due, connection.get().exchange(request)));
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
    private Result closedLoop(List<Requests> senders, int seconds) throws Exception {
        Result r = new Result(2_000_000);
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (Requests requests : senders) {
            Thread th = new Thread(() -> {
                try (RawHttp connection = new RawHttp(host, port)) {
                    while (System.nanoTime() < end) {
                        byte[] request = requests.next();
                        long sent = System.nanoTime();
                        int status = connection.exchange(request);
                        r.record(System.nanoTime() - sent, status);
                        requests.answered(status);
                    }
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

    private Thread startHeapSampler(String heapUrl) {
        if (heapUrl == null) {
            return null;
        }
        Thread t = new Thread(() -> {
            HttpRequest req = HttpRequest.newBuilder(URI.create(heapUrl)).GET().build();
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    String body =
                            http.send(req, HttpResponse.BodyHandlers.ofString()).body();
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

        long errors() {
            long ok = statuses.entrySet().stream()
                    .filter(e -> e.getKey() >= 200 && e.getKey() < 300)
                    .mapToLong(e -> e.getValue().get())
                    .sum();
            return count.get() - ok + unsent;
        }

        void print(String mode, String rate, int concurrency, long heapPeak) {
            int n = Math.min(count.get(), latencies.length);
            long[] sorted = java.util.Arrays.copyOf(latencies, n);
            java.util.Arrays.sort(sorted);
            long ok = statuses.entrySet().stream()
                    .filter(e -> e.getKey() >= 200 && e.getKey() < 300)
                    .mapToLong(e -> e.getValue().get())
                    .sum();
            double secs = elapsedNanos / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "mode=%s offered=%s/s concurrency=%d requests=%d ok=%d errors=%d statuses=%s%n",
                    mode,
                    rate,
                    concurrency,
                    count.get(),
                    ok,
                    count.get() - ok,
                    statuses);
            System.out.printf(
                    Locale.ROOT, "throughput=%.1f/s (ok %.1f/s) over %.1fs%n", count.get() / secs, ok / secs, secs);
            if (unsent > 0) {
                System.out.printf(
                        Locale.ROOT,
                        "unsent=%d (still queued in the generator 10 s after the schedule ended: errors)%n",
                        unsent);
            }
            System.out.printf(
                    Locale.ROOT,
                    "latency_ms p50=%.2f p90=%.2f p99=%.2f max=%.2f%n",
                    pct(sorted, 0.50),
                    pct(sorted, 0.90),
                    pct(sorted, 0.99),
                    n == 0 ? 0 : sorted[n - 1] / 1e6);
            if (heapPeak > 0) {
                System.out.printf(Locale.ROOT, "heap_peak_mb=%.1f%n", heapPeak / 1048576.0);
            }
        }

        private static double pct(long[] sorted, double p) {
            return sorted.length == 0
                    ? 0
                    : sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
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
                alerts.append("{\"status\":\"")
                        .append(status)
                        .append("\",\"labels\":{\"alertname\":\"")
                        .append(name)
                        .append("\",\"severity\":\"warning\",\"service\":\"bench\",\"instance\":\"node-")
                        .append(i)
                        .append(":9100\"},\"annotations\":{\"summary\":\"Bench alert ")
                        .append(g)
                        .append("\"},")
                        .append("\"startsAt\":\"")
                        .append(startsAt)
                        .append("\",\"endsAt\":\"")
                        .append(endsAt)
                        .append("\",\"generatorURL\":\"http://prometheus:9090/graph\",\"fingerprint\":\"")
                        .append(String.format("%08x%08x", g, i))
                        .append("\"}");
            }
            return "{\"receiver\":\"firebreak\",\"status\":\"" + status + "\",\"alerts\":[" + alerts
                    + "],\"groupLabels\":{\"alertname\":\"" + name + "\"},\"commonLabels\":{\"alertname\":\"" + name
                    + "\",\"service\":\"bench\",\"severity\":\"warning\"},\"commonAnnotations\":{\"summary\":\"Bench alert "
                    + g
                    + "\"},\"externalURL\":\"http://alertmanager:9093\",\"version\":\"4\",\"groupKey\":\"{}:{run=\\\""
                    + run + "\\\", alertname=\\\"" + name + "\\\"}\",\"truncatedAlerts\":0}";
        }
    }
}
