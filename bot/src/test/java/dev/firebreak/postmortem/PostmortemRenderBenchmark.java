package dev.firebreak.postmortem;

import dev.firebreak.incident.IncidentAlerts.AlertFact;
import dev.firebreak.postmortem.PostmortemInput.Entry;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Renders the draft (Markdown, HTML, SVG) of an incident with 10,000 timeline entries and 5,000 alerts and
 * reports median/max time, bytes allocated per render and heap in use. Not a unit test; see docs/performance.md.
 */
public final class PostmortemRenderBenchmark {

    static final int ENTRIES = 10_000;
    static final int ALERTS = 5_000;
    static final int WARMUP = 10;
    static final int RUNS = 20;

    public static void main(String[] args) {
        PostmortemInput input = bigIncident();
        PostmortemRenderer renderer = PostmortemRenderer.withDefaultTemplate();
        String markdown = renderer.markdown(input, "postmortem/activity.svg");
        System.out.printf(
                "Incident: %d timeline entries, %d alerts; draft %,d chars, HTML %,d chars, SVG %,d chars%n",
                input.timeline().size(),
                input.alerts().size(),
                markdown.length(),
                PostmortemRenderer.html(markdown, "t").length(),
                ActivityChart.svg(input).length());
        measure(
                "model only",
                () -> PostmortemModels.build(input, "postmortem/activity.svg").reference());
        measure("markdown", () -> renderer.markdown(input, "postmortem/activity.svg"));
        measure(
                "markdown+html",
                () -> PostmortemRenderer.html(renderer.markdown(input, "postmortem/activity.svg"), "t"));
        measure("svg", () -> ActivityChart.svg(input));
        if (args.length > 0 && args[0].equals("pdf")) {
            // one PDF render (slow: every timeline row is laid out on A4 pages), wall and CPU time, size
            long c0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            byte[] pdf = PostmortemDrafts.pdfDocument(renderer, input);
            System.out.printf(
                    "pdf (one render): wall %d ms, CPU %d ms, %,d bytes%n",
                    (System.nanoTime() - t0) / 1_000_000,
                    (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - c0) / 1_000_000,
                    pdf.length);
        }
    }

    static void measure(String name, Supplier<String> render) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long sink = 0;
        for (int i = 0; i < WARMUP; i++) {
            sink += render.get().length();
        }
        long[] nanos = new long[RUNS];
        long[] allocated = new long[RUNS];
        long[] cpu = new long[RUNS];
        long tid = Thread.currentThread().getId();
        for (int i = 0; i < RUNS; i++) {
            long a0 = threads.getThreadAllocatedBytes(tid);
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            sink += render.get().length();
            nanos[i] = System.nanoTime() - t0;
            cpu[i] = threads.getCurrentThreadCpuTime() - c0;
            allocated[i] = threads.getThreadAllocatedBytes(tid) - a0;
        }
        System.gc();
        long heap = memory.getHeapMemoryUsage().getUsed();
        Arrays.sort(nanos);
        Arrays.sort(allocated);
        Arrays.sort(cpu);
        System.out.printf(
                "%-14s wall median %6.1f ms max %6.1f ms | CPU median %6.1f ms max %6.1f ms | "
                        + "allocated/render %6.1f MB | heap used after GC %5.1f MB%s%n",
                name,
                nanos[RUNS / 2] / 1e6,
                nanos[RUNS - 1] / 1e6,
                cpu[RUNS / 2] / 1e6,
                cpu[RUNS - 1] / 1e6,
                allocated[RUNS / 2] / 1048576.0,
                heap / 1048576.0,
                sink == 42 ? "!" : "");
    }

    static PostmortemInput bigIncident() {
        Instant start = PostmortemFixtures.DETECTED;
        List<AlertFact> alerts = new ArrayList<>(ALERTS);
        for (int i = 0; i < ALERTS; i++) {
            String name = "Alert" + (i % 40);
            Instant startsAt = start.plusSeconds(i % 1800);
            boolean resolved = i % 3 != 0;
            alerts.add(new AlertFact(
                    null,
                    name,
                    resolved ? "resolved" : "firing",
                    Map.of(
                            "alertname",
                            name,
                            "service",
                            "svc-" + (i % 25),
                            "namespace",
                            "ns-" + (i % 7),
                            "cluster",
                            "c" + (i % 3),
                            "pod",
                            "pod-" + i),
                    Map.of("summary", "Something | <odd> happened on pod-" + i),
                    startsAt,
                    resolved ? startsAt.plusSeconds(600 + i % 900) : null,
                    "https://prometheus.example/graph?g0.expr=" + name,
                    null,
                    startsAt.plusSeconds(60)));
        }
        List<Entry> timeline = new ArrayList<>(ENTRIES);
        for (int i = 0; i < ENTRIES; i++) {
            String kind = switch (i % 10) {
                case 0 -> "alert.firing";
                case 1 -> "alert.resolved";
                case 2 -> "note";
                case 3 -> "slack.message";
                case 4 -> "follow-up";
                case 5 -> "runbook.step";
                default -> "slack.message";
            };
            timeline.add(new Entry(
                    i + 1,
                    start.plusSeconds(i / 3),
                    kind,
                    "user" + (i % 50),
                    "slack:U" + (i % 50),
                    "Message " + i + " with `code`, a | pipe, <b>html</b> and [a](javascript:x) link\nsecond line",
                    i % 7 == 0 ? "https://grafana.example/d/" + i : null,
                    i % 10 == 4 ? "{\"owner\":\"U1\",\"ownerName\":\"alice\"}" : null,
                    i % 100 == 0,
                    null));
        }
        return new PostmortemInput(
                PostmortemFixtures.incident(
                        PostmortemFixtures.ACKNOWLEDGED, PostmortemFixtures.MITIGATED, PostmortemFixtures.RESOLVED),
                alerts,
                timeline,
                PostmortemFixtures.GENERATED);
    }
}
