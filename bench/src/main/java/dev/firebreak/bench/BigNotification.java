package dev.firebreak.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Big notifications (issue 9, defect 2): for each size, one Alertmanager notification with that many small
 * alerts for a new group (opens the incident), the identical notification again (a redelivery), then the group
 * resolved (every alert resolves, the incident auto-resolves). Prints the body size, the answer and the time
 * until the bot answered (i.e. committed), and the heap used afterwards.
 *
 * <pre>java -cp bench/target/classes dev.firebreak.bench.BigNotification --url=http://127.0.0.1:8080 --token=T
 *      [--alerts=1000,2000,5000,10000,50000] [--heap-url=...] [--pid=BOT_PID]</pre>
 * With {@code --pid}, also the CPU time the bot process spent meanwhile (its own threads: request, GC, JIT;
 * not PostgreSQL's), which does not depend on how busy the machine is.
 */
public final class BigNotification {

    private static final Pattern HEAP = Pattern.compile("\"value\"\\s*:\\s*([0-9.Ee+]+)");

    private BigNotification() {}

    public static void main(String[] args) throws Exception {
        String url = arg(args, "url", "http://127.0.0.1:8080");
        String token = arg(args, "token", "");
        String heapUrl = arg(args, "heap-url", null);
        String pid = arg(args, "pid", null);
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        System.out.printf(
                Locale.ROOT,
                "%8s %-10s %10s %6s %10s %12s %10s%n",
                "alerts",
                "step",
                "body",
                "status",
                "ms",
                "bot CPU ms",
                "heap MB");
        for (String n : arg(args, "alerts", "1000,2000,5000,10000,50000").split(",")) {
            int count = Integer.parseInt(n.strip());
            String group = "big-" + count + "-" + System.nanoTime();
            Instant start = Instant.parse("2026-12-01T03:00:00Z");
            String firing = body(group, count, "firing", start, null);
            String resolved = body(group, count, "resolved", start, start.plusSeconds(600));
            post(http, url, token, heapUrl, pid, count, "open", firing);
            post(http, url, token, heapUrl, pid, count, "repeat", firing);
            post(http, url, token, heapUrl, pid, count, "resolve", resolved);
        }
    }

    private static void post(
            HttpClient http, String url, String token, String heapUrl, String pid, int count, String step, String body)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/webhooks/alertmanager"))
                .timeout(Duration.ofMinutes(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        long cpu0 = cpuMillis(pid);
        long t0 = System.nanoTime();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long cpu = cpuMillis(pid) - cpu0;
        String heap = heapUrl == null ? "-" : heap(http, heapUrl);
        System.out.printf(
                Locale.ROOT,
                "%8d %-10s %9.2fM %6d %10d %12s %10s%n",
                count,
                step,
                body.getBytes(StandardCharsets.UTF_8).length / 1e6,
                r.statusCode(),
                ms,
                pid == null ? "-" : cpu,
                heap);
        if (r.statusCode() != 200) {
            System.out.println("   " + r.body());
        }
    }

    /** User + system CPU time of the bot process so far (/proc/PID/stat, 100 ticks per second), or 0. */
    private static long cpuMillis(String pid) {
        if (pid == null) {
            return 0;
        }
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
        } catch (Exception e) {
            return 0;
        }
    }

    private static String heap(HttpClient http, String heapUrl) {
        try {
            String json = http.send(
                            HttpRequest.newBuilder(URI.create(heapUrl)).GET().build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            Matcher m = HEAP.matcher(json);
            return m.find() ? String.format(Locale.ROOT, "%.0f", Double.parseDouble(m.group(1)) / 1e6) : "?";
        } catch (Exception e) {
            return "?";
        }
    }

    /** A version-4 notification with {@code count} small alerts (about 110 bytes each firing, 145 resolved). */
    static String body(String group, int count, String status, Instant startsAt, Instant endsAt) {
        StringBuilder sb = new StringBuilder(count * 200 + 1000);
        sb.append("{\"version\":\"4\",\"groupKey\":\"{}:{alertname=\\\"Storm\\\",group=\\\"")
                .append(group)
                .append("\\\"}\",\"truncatedAlerts\":0,\"status\":\"")
                .append(status)
                .append("\",\"receiver\":\"firebreak\",\"groupLabels\":{\"alertname\":\"Storm\"},")
                .append("\"commonLabels\":{\"alertname\":\"Storm\",\"severity\":\"warning\",\"service\":\"edge\"},")
                .append("\"commonAnnotations\":{},\"externalURL\":\"http://alertmanager:9093\",\"alerts\":[");
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append("{\"status\":\"")
                    .append(status)
                    .append("\",\"labels\":{\"alertname\":\"Storm\",\"instance\":\"n")
                    .append(i)
                    .append("\"},\"startsAt\":\"")
                    .append(startsAt)
                    .append('"');
            if (endsAt != null) {
                sb.append(",\"endsAt\":\"").append(endsAt).append('"');
            }
            sb.append(",\"fingerprint\":\"").append(Integer.toHexString(i)).append("\"}");
        }
        return sb.append("]}").toString();
    }

    private static String arg(String[] args, String name, String fallback) {
        for (String a : args) {
            if (a.startsWith("--" + name + "=")) {
                return a.substring(name.length() + 3);
            }
        }
        return fallback;
    }
}
