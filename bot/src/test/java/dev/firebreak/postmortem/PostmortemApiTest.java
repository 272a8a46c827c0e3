package dev.firebreak.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.alerting.Alert;
import dev.firebreak.alerting.Alerts;
import dev.firebreak.incident.Actor;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentManagement;
import dev.firebreak.incident.IncidentSource;
import dev.firebreak.incident.NewIncident;
import dev.firebreak.incident.Severity;
import dev.firebreak.support.FirebreakTest;
import dev.firebreak.support.MutableClock;
import dev.firebreak.support.TestClock;
import dev.firebreak.system.outbox.OutboxTask;
import dev.firebreak.system.outbox.OutboxTasks;
import dev.firebreak.system.outbox.OutboxWorker;
import dev.firebreak.timeline.ApiClient;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** End to end: declare, acknowledge, note via the API, resolve, then read the draft, its HTML, chart and export. */
@FirebreakTest(properties = {"firebreak.api.token=test-token", "firebreak.outbox.enabled=false"})
@Import(TestClock.class)
class PostmortemApiTest {

    static final Instant T0 = Instant.parse("2026-11-28T04:57:14Z");
    static final Path EXPORT_DIR = tempDir();

    static Path tempDir() {
        try {
            return Files.createTempDirectory("firebreak-postmortems");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void export(DynamicPropertyRegistry registry) {
        registry.add(
                "firebreak.postmortem.export-dir",
                () -> EXPORT_DIR.resolve("drafts").toString());
    }

    @Autowired
    IncidentManagement incidents;

    @Autowired
    Alerts alerts;

    @Autowired
    OutboxWorker worker;

    @Autowired
    OutboxTasks tasks;

    @Autowired
    MutableClock clock;

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        clock.set(T0);
    }

    @Test
    void draftAfterResolveHasTheTimelineAndMetricsToTheSecond() throws Exception {
        Incident i = incidents.open(
                NewIncident.declared("Payments | timeouts", null, Severity.SEV1, IncidentSource.API), Actor.api("ops"));
        String ref = i.reference();
        alerts.save(new Alert(
                i.getId(),
                "fp1",
                Map.of("alertname", "PaymentsTimeout", "service", "payments", "namespace", "pay"),
                Map.of(),
                Alert.FIRING,
                T0.minusSeconds(45),
                null,
                "https://prometheus.example/graph?g0.expr=up",
                T0));
        clock.advance(Duration.ofSeconds(252)); // 05:01:26
        incidents.acknowledge(i.getId(), Actor.slack("U7", "erin"));
        clock.advance(Duration.ofSeconds(64)); // 05:02:30
        HttpResponse<String> note = api.post(
                "/api/incidents/" + ref + "/timeline",
                "{\"text\":\"Failover to <b>region B</b> | started\",\"occurredAt\":\"2026-11-28T05:02:00Z\"}");
        assertThat(note.statusCode()).isEqualTo(201);
        clock.advance(Duration.ofSeconds(600)); // 05:12:30
        incidents.mitigate(i.getId(), Actor.slack("U7", "erin"));
        clock.advance(Duration.ofSeconds(1234)); // 05:33:04
        incidents.resolve(i.getId(), Actor.slack("U7", "erin"), "Failed over; provider fixed their gateway");

        HttpResponse<String> md = api.get("/api/incidents/" + ref + "/postmortem");
        assertThat(md.statusCode()).isEqualTo(200);
        assertThat(md.headers().firstValue("Content-Type").orElse("")).isEqualTo("text/markdown;charset=UTF-8");
        String draft = md.body();
        assertThat(draft)
                .startsWith("# Post-mortem: " + ref + " Payments \\| timeouts\n")
                .contains(
                        "| Detected (first alert) | 2026-11-28 04:57:14 UTC |",
                        "| Time to acknowledge | 2026-11-28 05:01:26 UTC | 4m 12s | 4m 12s |",
                        "| Time to mitigate | 2026-11-28 05:12:30 UTC | 15m 16s | 15m 16s |",
                        "| Time to resolve | 2026-11-28 05:33:04 UTC | 35m 50s | 35m 50s |",
                        "Failed over; provider fixed their gateway",
                        "- Affected services: payments",
                        "](postmortem/activity.svg)",
                        "| PaymentsTimeout | 1 | 1 | 2026-11-28 04:56:29 UTC |");
        List<String> rows =
                draft.lines().filter(l -> l.startsWith("| 2026-11-28")).toList();
        assertThat(rows)
                .containsExactly(
                        "| 2026-11-28 04:57:14 UTC | ★ | Opened | ops | " + ref
                                + " opened (SEV1, from api): Payments \\| timeouts |",
                        "| 2026-11-28 05:01:26 UTC | ★ | Status | erin | Acknowledged by erin (TRIGGERED → ACKNOWLEDGED) |",
                        "| 2026-11-28 05:02:00 UTC |  | Note | api | Failover to \\<b\\>region B\\</b\\> \\| started |",
                        "| 2026-11-28 05:12:30 UTC | ★ | Status | erin | Mitigated by erin (ACKNOWLEDGED → MITIGATED) |",
                        "| 2026-11-28 05:33:04 UTC | ★ | Status | erin | Resolved by erin (MITIGATED → RESOLVED): Failed over; provider fixed their gateway |");

        HttpResponse<String> html = api.get("/api/incidents/" + i.getNumber() + "/postmortem?format=html");
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(html.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("default-src 'none'");
        Document doc = Jsoup.parse(html.body());
        assertThat(doc.select("script")).isEmpty();
        assertThat(doc.select("td:contains(Failover to <b>region B</b> | started)"))
                .hasSize(1);
        assertThat(doc.select("b")).isEmpty();
        String src = doc.select("img").attr("src");
        assertThat(src).startsWith("data:image/svg+xml;base64,");
        String embedded = new String(
                java.util.Base64.getDecoder().decode(src.substring(src.indexOf(',') + 1)),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(ActivityChartTest.points(ActivityChartTest.parse(embedded))).hasSize(4);

        HttpResponse<String> svg = api.get("/api/incidents/" + ref + "/postmortem/activity.svg");
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
        org.w3c.dom.Document chart = ActivityChartTest.parse(svg.body());
        assertThat(ActivityChartTest.points(chart)).hasSize(4); // start, up at 04:56:29 (2 points), end
        assertThat(svg.body()).contains("Acknowledged 05:01:26", "Resolved 05:33:04");

        HttpResponse<byte[]> pdf = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
                                        + "/api/incidents/" + ref + "/postmortem?format=pdf"))
                                .header("Authorization", "Bearer test-token")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElse(""))
                .isEqualTo("attachment; filename=\"" + ref + "-payments-timeouts.pdf\"");
        try (org.apache.pdfbox.pdmodel.PDDocument pdfDoc = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(pdfDoc))
                    .contains("Post-mortem: " + ref);
        }
        assertThat(api.get("/api/incidents/" + ref + "/postmortem?format=docx").statusCode())
                .isEqualTo(400);
        assertThat(api.get("/api/incidents/INC-999999/postmortem").statusCode()).isEqualTo(404);

        // Slack is off in this context: resolving enqueued the export but no upload
        assertThat(tasks.findByIncidentIdOrderById(i.getId()))
                .extracting(OutboxTask::getKind)
                .contains(PostmortemExportHandler.KIND)
                .doesNotContain(PostmortemUploadHandler.KIND);

        // export on resolve: Markdown and chart, written atomically into the export directory
        worker.runDueTasks();
        Path dir = EXPORT_DIR.resolve("drafts");
        String stem = ref + "-payments-timeouts";
        assertThat(dir.resolve(stem + ".md")).exists();
        assertThat(dir.resolve(stem + ".svg")).exists();
        String exported = Files.readString(dir.resolve(stem + ".md"));
        assertThat(exported)
                .contains("](" + stem + ".svg)", "| Time to resolve | 2026-11-28 05:33:04 UTC | 35m 50s | 35m 50s |");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(stem + ".md", stem + ".svg");
        }
    }

    @Test
    void anOpenIncidentShowsNotAvailableForMissingMilestones() throws Exception {
        Incident i = incidents.open(
                NewIncident.declared("Slow search", null, Severity.SEV3, IncidentSource.API), Actor.api("ops"));
        clock.advance(Duration.ofSeconds(30));
        String draft =
                api.get("/api/incidents/" + i.reference() + "/postmortem").body();
        assertThat(draft)
                .contains(
                        "| Time to acknowledge | n/a | n/a | n/a |",
                        "| Time to resolve | n/a | n/a | n/a |",
                        "No runbooks were executed.",
                        "No alerts were attached to this incident.");
    }
}
