package dev.firebreak.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.incident.Actor;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentManagement;
import dev.firebreak.incident.IncidentSource;
import dev.firebreak.incident.NewIncident;
import dev.firebreak.incident.Severity;
import dev.firebreak.slack.BlockActionHandler;
import dev.firebreak.slack.IncidentSubcommand;
import dev.firebreak.slack.SlackActions;
import dev.firebreak.slack.SlackCommandContext;
import dev.firebreak.slack.SlackReply;
import dev.firebreak.support.FirebreakTest;
import dev.firebreak.support.MutableClock;
import dev.firebreak.system.outbox.OutboxTask;
import dev.firebreak.system.outbox.OutboxTasks;
import dev.firebreak.system.outbox.OutboxWorker;
import dev.firebreak.timeline.Timeline;
import dev.firebreak.timeline.TimelineKinds;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The draft reaches the incident channel through files upload v2, against a fake Slack at the HTTP level. */
@FirebreakTest(properties = {"firebreak.outbox.enabled=false", "firebreak.api.token=test-token"})
class PostmortemSlackUploadTest {

    static final SlackFilesStub SLACK = new SlackFilesStub();
    static final Instant T0 = Instant.parse("2026-11-28T04:50:00Z");

    @DynamicPropertySource
    static void slack(DynamicPropertyRegistry registry) {
        registry.add("firebreak.slack.bot-token", () -> "xoxb-test-token");
        registry.add("firebreak.slack.api-url", SLACK::apiUrl);
    }

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(T0);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        SLACK.server.shutdown();
    }

    @Autowired
    IncidentManagement incidents;
    @Autowired
    OutboxWorker worker;
    @Autowired
    OutboxTasks tasks;
    @Autowired
    Timeline timeline;
    @Autowired
    MutableClock clock;
    @Autowired
    PostmortemUploadHandler handler;
    @Autowired
    PostmortemUploads uploads;
    @Autowired
    List<IncidentSubcommand> subcommands;
    @Autowired
    List<BlockActionHandler> buttons;

    @BeforeEach
    void setUp() {
        clock.set(T0);
        worker.runDueTasks();
        SLACK.reset();
    }

    Incident openWithChannel(String channel) {
        Incident i = incidents.open(NewIncident.declared("Checkout | <!channel> down", null, Severity.SEV2,
                IncidentSource.SLACK), Actor.slack("U1", "alice"));
        if (channel != null) {
            incidents.linkSlackChannel(i.getId(), channel, "inc-" + i.getNumber());
        }
        return i;
    }

    void runAll() {
        for (int i = 0; i < 10 && worker.runDueTasks() > 0; i++) {
            // until nothing is due
        }
    }

    @Test
    void resolveUploadsTheDraftWithTheThreeCallsInOrder() throws Exception {
        Incident i = openWithChannel("C123");
        clock.advance(Duration.ofMinutes(3));
        incidents.acknowledge(i.getId(), Actor.slack("U1", "alice"));
        clock.advance(Duration.ofMinutes(10));
        incidents.resolve(i.getId(), Actor.slack("U1", "alice"), "rolled back");
        runAll();

        List<SlackFilesStub.Call> calls = SLACK.filesCalls();
        assertThat(calls).extracting(SlackFilesStub.Call::path)
                .containsExactly("/api/files.getUploadURLExternal", "/upload/F1", "/api/files.completeUploadExternal");
        SlackFilesStub.Call get = calls.get(0);
        String stem = "INC-" + i.getNumber() + "-checkout-channel-down";
        assertThat(get.form()).containsEntry("filename", stem + ".md");
        byte[] bytes = calls.get(1).body();
        assertThat(get.form()).containsEntry("length", String.valueOf(bytes.length));
        String markdown = new String(bytes, StandardCharsets.UTF_8);
        assertThat(markdown).startsWith("# Post-mortem: INC-" + i.getNumber() + " Checkout \\| \\<!channel\\> down")
                .contains("| Time to acknowledge | 3m 0s | 3m 0s |", "| Time to resolve | 13m 0s | 13m 0s |");

        SlackFilesStub.Call complete = calls.get(2);
        assertThat(complete.form()).containsEntry("channel_id", "C123");
        assertThat(complete.form().get("initial_comment")).contains("INC-" + i.getNumber())
                .contains("&lt;!channel&gt;").doesNotContain("<!channel>");
        JsonNode files = JsonMapper.builder().build().readTree(complete.form().get("files"));
        assertThat(files.size()).isEqualTo(1);
        assertThat(files.get(0).get("id").asString()).isEqualTo("F1");
        assertThat(files.get(0).get("title").asString()).startsWith("Post-mortem draft: INC-" + i.getNumber());

        // Idempotent: running the finished task again does not upload twice.
        OutboxTask task = tasks.findByIncidentIdOrderById(i.getId()).stream()
                .filter(t -> t.getKind().equals(PostmortemUploadHandler.KIND)).findFirst().orElseThrow();
        assertThat(task.getStatus()).isEqualTo(OutboxTask.DONE);
        assertThat(handler.handle(task)).isEqualTo(dev.firebreak.system.outbox.OutboxResult.done());
        assertThat(SLACK.filesCalls()).hasSize(3);
        assertThat(uploads.findByIncidentIdOrderById(i.getId())).singleElement()
                .satisfies(u -> {
                    assertThat(u.getState()).isEqualTo(PostmortemUpload.COMPLETED);
                    assertThat(u.getFileId()).isEqualTo("F1");
                });
    }

    @Test
    void a429OnGetUploadUrlWaitsForRetryAfterThenSucceeds() {
        Incident i = openWithChannel("C429");
        SLACK.next("/api/files.getUploadURLExternal", new MockResponse().setResponseCode(429).setHeader("Retry-After", "7")
                .setBody("{\"ok\":false,\"error\":\"ratelimited\"}"));
        incidents.resolve(i.getId(), Actor.api("t"), null);
        runAll();
        assertThat(SLACK.filesCalls()).extracting(SlackFilesStub.Call::path).containsExactly("/api/files.getUploadURLExternal");
        OutboxTask task = uploadTask(i);
        assertThat(task.getStatus()).isEqualTo(OutboxTask.PENDING);
        assertThat(task.getNotBefore()).isEqualTo(T0.plusSeconds(7));

        clock.advance(Duration.ofSeconds(6));
        runAll();
        assertThat(SLACK.filesCalls()).hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        runAll();
        assertThat(SLACK.filesCalls()).extracting(SlackFilesStub.Call::path).containsExactly(
                "/api/files.getUploadURLExternal", "/api/files.getUploadURLExternal", "/upload/F1",
                "/api/files.completeUploadExternal");
        assertThat(uploadTask(i).getStatus()).isEqualTo(OutboxTask.DONE);
    }

    @Test
    void aFailedCompleteIsRetriedWithoutUploadingAgain() {
        Incident i = openWithChannel("C500");
        SLACK.next("/api/files.completeUploadExternal", new MockResponse().setResponseCode(500).setBody("oops"));
        incidents.resolve(i.getId(), Actor.api("t"), null);
        runAll();
        assertThat(uploads.findByIncidentIdOrderById(i.getId())).singleElement()
                .satisfies(u -> assertThat(u.getState()).isEqualTo(PostmortemUpload.UPLOADED));
        clock.advance(Duration.ofMinutes(6));
        runAll();
        assertThat(SLACK.filesCalls()).extracting(SlackFilesStub.Call::path).containsExactly(
                "/api/files.getUploadURLExternal", "/upload/F1", "/api/files.completeUploadExternal",
                "/api/files.completeUploadExternal");
        assertThat(uploadTask(i).getStatus()).isEqualTo(OutboxTask.DONE);
    }

    @Test
    void waitsForTheChannelInsteadOfFailing() {
        Incident i = openWithChannel(null);
        incidents.resolve(i.getId(), Actor.api("t"), null);
        runAll();
        assertThat(SLACK.filesCalls()).isEmpty();
        assertThat(uploadTask(i).getStatus()).isEqualTo(OutboxTask.PENDING);
        incidents.linkSlackChannel(i.getId(), "CLATE", "inc-late");
        clock.advance(Duration.ofSeconds(31));
        runAll();
        assertThat(SLACK.filesCalls()).hasSize(3);
        assertThat(SLACK.filesCalls().get(2).form()).containsEntry("channel_id", "CLATE");
    }

    @Test
    void aPermanentSlackErrorLeavesAWarningOnTheTimeline() {
        Incident i = openWithChannel("CGONE");
        SLACK.next("/api/files.getUploadURLExternal", SlackFilesStub.json("{\"ok\":false,\"error\":\"invalid_auth\"}"));
        incidents.resolve(i.getId(), Actor.api("t"), null);
        runAll();
        assertThat(uploadTask(i).getStatus()).isEqualTo(OutboxTask.FAILED);
        assertThat(timeline.of(i.getId())).anySatisfy(e -> {
            assertThat(e.getKind()).isEqualTo(TimelineKinds.INTEGRATION_WARNING);
            assertThat(e.getText()).contains("postmortem.upload", "invalid_auth");
        });
        assertThat(incidents.get(i.getId()).getStatus().isOpen()).isFalse();
    }

    @Test
    void commandAndButtonEnqueueOneUploadPerMinute() throws Exception {
        Incident i = openWithChannel("CCMD");
        IncidentSubcommand command = subcommands.stream().filter(c -> c.name().equals("postmortem")).findFirst().orElseThrow();
        BlockActionHandler button = buttons.stream().filter(b -> b.actionId().equals(SlackActions.POSTMORTEM)).findFirst().orElseThrow();
        SlackCommandContext ctx = new SlackCommandContext("U1", "alice", "CCMD", "T1", "", incidents.get(i.getId()), null, null);
        SlackReply first = command.run(ctx);
        assertThat(first.text()).contains("Drafting the post-mortem", "<#CCMD>");
        assertThat(command.run(ctx).text()).contains("less than a minute ago");
        assertThat(button.run(ctx).text()).contains("Drafting the post-mortem");
        runAll();
        assertThat(SLACK.filesCalls()).extracting(SlackFilesStub.Call::path).containsExactly(
                "/api/files.getUploadURLExternal", "/upload/F1", "/api/files.completeUploadExternal",
                "/api/files.getUploadURLExternal", "/upload/F2", "/api/files.completeUploadExternal");
        assertThat(SLACK.uploaded.get("F1")).isNotEmpty();
    }

    OutboxTask uploadTask(Incident i) {
        return tasks.findByIncidentIdOrderById(i.getId()).stream()
                .filter(t -> t.getKind().equals(PostmortemUploadHandler.KIND)).findFirst().orElseThrow();
    }
}
