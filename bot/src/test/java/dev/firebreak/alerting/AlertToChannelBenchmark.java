package dev.firebreak.alerting;

import dev.firebreak.FirebreakApplication;
import dev.firebreak.integrations.pagerduty.FakePagerDuty;
import dev.firebreak.slack.FakeSlack;
import dev.firebreak.support.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 11, "Proof": alert-to-channel latency and webhook latency while Slack and PagerDuty are slow. Not a unit
 * test (numbers, not behaviour); see docs/performance.md. Starts the whole app (H2 in memory, or PostgreSQL with
 * {@code -Dfirebreak.test.db=postgres}) against the test fakes of Slack ({@link FakeSlack}) and PagerDuty
 * ({@link FakePagerDuty}) at the HTTP level, then:
 * <ol>
 *   <li>alert to channel: on an idle system, 100 new alert groups one at a time (the next when the previous one's
 *   Slack work is done); for each, the time from sending the webhook until Slack answered
 *   {@code conversations.create} (the channel exists), with Slack answering at once and then answering every call in
 *   200 ms;</li>
 *   <li>slow vendors: webhook latency at 20 notifications/s (a third open incidents that page and get a
 *   channel, the rest repeat), first with both fakes answering at once, then with both answering in 10 s.</li>
 * </ol>
 */
public final class AlertToChannelBenchmark {

    private static final Pattern CHANNEL_NUMBER = Pattern.compile("^inc-(\\d+)");
    private static final List<String> SLACK_METHODS = List.of(
            "conversations.create",
            "conversations.invite",
            "chat.postMessage",
            "chat.update",
            "conversations.setTopic",
            "conversations.setPurpose",
            "pins.add",
            "conversations.info",
            "users.info",
            "users.lookupByEmail",
            "conversations.history");

    private final FakeSlack slack = new FakeSlack();
    private final FakePagerDuty pagerDuty = new FakePagerDuty();
    private volatile Duration pagerDutyDelay = Duration.ZERO;
    private final ConfigurableApplicationContext app;
    private final WebhookClient webhook;
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final AtomicInteger groups = new AtomicInteger();

    private AlertToChannelBenchmark() {
        FakePagerDuty pd = pagerDuty;
        pd.server().setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                MockResponse response = pd.dispatch(request);
                Duration delay = pagerDutyDelay;
                return delay.isZero() ? response : response.setHeadersDelay(delay.toMillis(), TimeUnit.MILLISECONDS);
            }
        });
        Map<String, Object> p = new LinkedHashMap<>(TestDatabase.properties());
        p.put("server.port", "0");
        p.put("logging.level.root", "WARN");
        p.put("firebreak.alertmanager.bearer-token", WebhookClient.TOKEN);
        p.put("firebreak.api.token", "bench-api-token");
        p.put("firebreak.slack.bot-token", "xoxb-bench");
        p.put("firebreak.slack.signing-secret", "bench-signing-secret");
        p.put("firebreak.slack.api-url", slack.url());
        p.put("firebreak.pagerduty.events-url", pagerDuty.eventsBaseUrl());
        p.put("firebreak.pagerduty.routing.default-routing-key", FakePagerDuty.ROUTING_KEY);
        // As command-line arguments: default properties would lose to application.yml (its H2 file database).
        app = new SpringApplicationBuilder(FirebreakApplication.class)
                .run(p.entrySet().stream()
                        .map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new));
        webhook = new WebhookClient(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
    }

    public static void main(String[] args) throws Exception {
        System.out.printf(
                Locale.ROOT,
                "== %s, %d cores, %s, load average %s%n",
                TestDatabase.postgres() ? "PostgreSQL" : "H2",
                Runtime.getRuntime().availableProcessors(),
                Instant.now(),
                loadAverage());
        AlertToChannelBenchmark b = new AlertToChannelBenchmark();
        int exit = 0;
        try {
            b.newGroups(10, Duration.ofMillis(100)); // warm-up, not reported
            b.waitForChannels(10, Duration.ofSeconds(60));
            exit |= b.channelLatency("Slack answering at once", Duration.ZERO);
            exit |= b.channelLatency("Slack answering every call in 200 ms", Duration.ofMillis(200));
            b.slackDelay(Duration.ZERO);
            b.webhookLatency("Slack and PagerDuty answering at once", Duration.ZERO);
            b.webhookLatency("Slack and PagerDuty answering in 10 s", Duration.ofSeconds(10));
        } finally {
            b.slackDelay(Duration.ZERO);
            b.pagerDutyDelay = Duration.ZERO;
            b.app.close();
            b.slack.close();
            b.pagerDuty.close();
        }
        System.exit(exit);
    }

    /**
     * One new group at a time on an otherwise idle system: send, wait for its channel, let the rest of its Slack
     * work (invite, card, topic) finish, then the next.
     */
    private int channelLatency(String title, Duration slackDelay) throws Exception {
        slackDelay(slackDelay);
        Map<Long, Long> sentAt = new HashMap<>();
        for (int i = 0; i < 100; i++) {
            int before = createdChannels().size();
            sentAt.putAll(newGroups(1, Duration.ZERO));
            waitForChannels(before + 1, Duration.ofSeconds(30));
            LockSupport.parkNanos((300 + 5 * slackDelay.toMillis()) * 1_000_000L);
        }
        Map<Long, Long> created = createdChannels();
        long[] latencies = sentAt.entrySet().stream()
                .filter(e -> created.containsKey(e.getKey()))
                .mapToLong(e -> created.get(e.getKey()) + slackDelay.toMillis() - e.getValue())
                .sorted()
                .toArray();
        System.out.printf(
                Locale.ROOT,
                "-- alert to channel, %s: %d incidents, %d channels; latency ms p50=%d p90=%d " + "p99=%d max=%d%n",
                title,
                sentAt.size(),
                latencies.length,
                pct(latencies, 0.5),
                pct(latencies, 0.9),
                pct(latencies, 0.99),
                latencies.length == 0 ? 0 : latencies[latencies.length - 1]);
        return latencies.length == sentAt.size() ? 0 : 1;
    }

    /** Sends {@code n} notifications of new groups, one every {@code every}; incident number to send time. */
    private Map<Long, Long> newGroups(int n, Duration every) {
        Map<Long, Long> sentAt = new HashMap<>();
        for (int i = 0; i < n; i++) {
            long start = System.currentTimeMillis();
            WebhookClient.Answer a = webhook.post(notification(groups.incrementAndGet(), "warning"));
            if (a.status() != 200) {
                throw new IllegalStateException("webhook answered " + a.status() + ": " + a.body());
            }
            sentAt.put(a.json().path("incidentNumber").asLong(), start);
            LockSupport.parkNanos(Math.max(0, every.toMillis() - (System.currentTimeMillis() - start)) * 1_000_000L);
        }
        return sentAt;
    }

    /** Open loop at 20/s for 15 s from 4 senders: every third notification opens a paging incident. */
    private void webhookLatency(String title, Duration delay) throws Exception {
        slackDelay(delay);
        pagerDutyDelay = delay;
        int total = 300;
        long[] latencies = new long[total];
        AtomicInteger errors = new AtomicInteger();
        List<Integer> repeatable = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int g = groups.incrementAndGet();
            webhook.post(notification(g, "critical"));
            repeatable.add(g);
        }
        ExecutorService senders = Executors.newFixedThreadPool(16);
        long start = System.nanoTime() + 100_000_000L;
        for (int i = 0; i < total; i++) {
            long due = start + i * 50_000_000L;
            LockSupport.parkNanos(Math.max(0, due - System.nanoTime()));
            int index = i;
            int group = i % 3 == 0 ? groups.incrementAndGet() : repeatable.get(i % repeatable.size());
            senders.execute(() -> {
                WebhookClient.Answer a = webhook.post(notification(group, "critical"));
                latencies[index] = (System.nanoTime() - due) / 1_000_000L;
                if (a.status() != 200) {
                    errors.incrementAndGet();
                }
            });
        }
        senders.shutdown();
        senders.awaitTermination(2, TimeUnit.MINUTES);
        Arrays.sort(latencies);
        System.out.printf(
                Locale.ROOT,
                "-- webhook latency, %s: %d notifications at 20/s (%d opened paging incidents), "
                        + "non-2xx %d; latency ms p50=%d p90=%d p99=%d max=%d%n",
                title,
                total,
                total / 3,
                errors.get(),
                pct(latencies, 0.5),
                pct(latencies, 0.9),
                pct(latencies, 0.99),
                latencies[total - 1]);
    }

    private void slackDelay(Duration delay) {
        for (String method : SLACK_METHODS) {
            if (delay.isZero()) {
                slack.reset(method);
            } else {
                slack.always(method, FakeSlack.Reply.slow(delay));
            }
        }
    }

    /** Incident number to the time Slack received its successful conversations.create. */
    private Map<Long, Long> createdChannels() {
        Map<Long, Long> created = new HashMap<>();
        for (FakeSlack.Call c : slack.okCalls("conversations.create")) {
            Matcher m = CHANNEL_NUMBER.matcher(c.param("name") == null ? "" : c.param("name"));
            if (m.find()) {
                created.putIfAbsent(Long.parseLong(m.group(1)), c.atMillis());
            }
        }
        return created;
    }

    private void waitForChannels(int count, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (createdChannels().size() < count && System.nanoTime() < end) {
            LockSupport.parkNanos(20_000_000L);
        }
    }

    private String notification(int group, String severity) {
        String name = "LatencyAlert" + group;
        String startsAt = Instant.now().minusSeconds(5).toString();
        StringBuilder alerts = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            alerts.append(i == 0 ? "" : ",")
                    .append("{\"status\":\"firing\",\"labels\":{\"alertname\":\"")
                    .append(name)
                    .append("\",\"severity\":\"")
                    .append(severity)
                    .append("\",\"instance\":\"node-")
                    .append(i)
                    .append("\"},\"annotations\":{\"summary\":\"Latency alert ")
                    .append(group)
                    .append("\"},\"startsAt\":\"")
                    .append(startsAt)
                    .append("\",\"endsAt\":\"0001-01-01T00:00:00Z\",\"generatorURL\":\"http://prom/g\","
                            + "\"fingerprint\":\"")
                    .append(String.format("%08x%08x", group, i))
                    .append("\"}");
        }
        return "{\"receiver\":\"firebreak\",\"status\":\"firing\",\"alerts\":[" + alerts + "],\"groupLabels\":"
                + "{\"alertname\":\"" + name + "\"},\"commonLabels\":{\"alertname\":\"" + name + "\",\"severity\":\""
                + severity + "\"},\"commonAnnotations\":{\"summary\":\"Latency alert " + group + "\"},\"externalURL\":"
                + "\"http://alertmanager:9093\",\"version\":\"4\",\"groupKey\":\"{}:{run=\\\"" + run
                + "\\\", alertname=\\\"" + name + "\\\"}\",\"truncatedAlerts\":0}";
    }

    private static long pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
    }

    private static String loadAverage() {
        try {
            return String.join(
                    " ",
                    Arrays.asList(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                                    .split(" "))
                            .subList(0, 3));
        } catch (Exception e) {
            return "?";
        }
    }
}
