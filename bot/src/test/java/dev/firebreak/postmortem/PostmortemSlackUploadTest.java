package dev.firebreak.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.incident.Actor;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentManagement;
import dev.firebreak.incident.IncidentQueries;
import dev.firebreak.incident.IncidentSource;
import dev.firebreak.incident.NewIncident;
import dev.firebreak.incident.Severity;
import dev.firebreak.slack.BlockActionHandler;
import dev.firebreak.slack.FakeSlack;
import dev.firebreak.slack.FakeSlack.Reply;
import dev.firebreak.slack.IncidentSubcommand;
import dev.firebreak.slack.SlackActions;
import dev.firebreak.slack.SlackCommandContext;
import dev.firebreak.slack.SlackReply;
import dev.firebreak.support.FirebreakTest;
import dev.firebreak.support.MutableClock;
import dev.firebreak.support.TestClock;
import dev.firebreak.system.outbox.OutboxResult;
import dev.firebreak.system.outbox.OutboxTask;
import dev.firebreak.system.outbox.OutboxTasks;
import dev.firebreak.system.outbox.OutboxWorker;
import dev.firebreak.timeline.Timeline;
import dev.firebreak.timeline.TimelineKinds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The draft reaches the incident channel through files upload v2, against {@link FakeSlack}. Slack delivery is
 * on, so the real delivery tasks create the channel (topic, invites, card ...) on the same queue, ahead of the
 * upload. The background worker is off: the test runs due outbox tasks itself and moves a {@link MutableClock}.
 */
@FirebreakTest(
        properties = {
            "firebreak.outbox.enabled=false",
            "firebreak.api.token=test-token",
            "firebreak.slack.bot-token=xoxb-test-token"
        })
@Import(TestClock.class)
class PostmortemSlackUploadTest {

    static final Instant T0 = Instant.parse("2026-11-28T04:50:00Z");
    static final MutableClock CLOCK = TestClock.startingAt(T0);
    static final FakeSlack SLACK = new FakeSlack(CLOCK);
    static final String GET_URL = "files.getUploadURLExternal";
    static final String COMPLETE = "files.completeUploadExternal";

    @DynamicPropertySource
    static void slack(DynamicPropertyRegistry registry) {
        registry.add("firebreak.slack.api-url", SLACK::url);
    }

    @AfterAll
    static void stop() throws Exception {
        SLACK.close();
    }

    @Autowired
    IncidentManagement incidents;

    @Autowired
    IncidentQueries queries;

    @Autowired
    OutboxWorker worker;

    @Autowired
    OutboxTasks tasks;

    @Autowired
    Timeline timeline;

    @Autowired
    PostmortemUploadHandler handler;

    @Autowired
    PostmortemUploads uploads;

    @Autowired
    List<IncidentSubcommand> subcommands;

    @Autowired
    List<BlockActionHandler> buttons;

    /**
     * Time only moves forward: an hour after the previous test, whatever it left (card updates coalescing,
     * retries) has run, so Slack's recorded requests belong to this test alone.
     */
    @BeforeEach
    void setUp() {
        CLOCK.advance(Duration.ofHours(1));
        drain();
        assertThat(tasks.findAll()).allSatisfy(t -> assertThat(t.getStatus()).isNotEqualTo(OutboxTask.PENDING));
        SLACK.clear();
    }

    Incident open() {
        return incidents.open(
                NewIncident.declared("Checkout | <!channel> down", null, Severity.SEV2, IncidentSource.SLACK),
                Actor.slack("U1", "alice"));
    }

    /**
     * Opens an incident and lets Slack delivery create its channel (and post its card); returns the channel id.
     * Callers move the clock before changing the incident: a card edit within a second of the card waits.
     */
    String openWithChannel(Incident[] out) {
        Incident i = open();
        drain();
        String channel = queries.view(i.getId()).slackChannelId();
        assertThat(channel).isNotNull();
        assertThat(SLACK.channel(channel).name).isEqualTo("inc-" + i.getNumber() + "-checkout-channel-down");
        SLACK.clear();
        out[0] = i;
        return channel;
    }

    /** Runs due tasks until nothing is due (one task per queue per round). */
    void drain() {
        worker.drain(100);
    }

    /** The files upload v2 requests in arrival order: the two Web API methods and the byte uploads. */
    static List<String> filesRequests() {
        return SLACK.requests().stream()
                .filter(r -> r.startsWith("files.") || r.startsWith("upload:"))
                .toList();
    }

    static List<FakeSlack.SharedFile> sharedInto(String channel) {
        return SLACK.sharedFiles().stream()
                .filter(f -> f.channel().equals(channel))
                .toList();
    }

    OutboxTask uploadTask(Incident i) {
        return tasks.findByIncidentIdOrderById(i.getId()).stream()
                .filter(t -> t.getKind().equals(PostmortemUploadHandler.KIND))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void resolveUploadsTheDraftWithTheThreeCallsInOrder() throws Exception {
        Incident[] opened = new Incident[1];
        String channel = openWithChannel(opened);
        Incident i = opened[0];
        CLOCK.advance(Duration.ofMinutes(3));
        incidents.acknowledge(i.getId(), Actor.slack("U1", "alice"));
        CLOCK.advance(Duration.ofMinutes(10));
        incidents.resolve(i.getId(), Actor.slack("U1", "alice"), "rolled back");
        drain();

        FakeSlack.Upload upload = SLACK.uploads().get(0);
        assertThat(SLACK.uploads()).hasSize(1);
        String fileId = upload.fileId();
        assertThat(filesRequests()).containsExactly(GET_URL, "upload:" + fileId, COMPLETE);

        FakeSlack.Call get = SLACK.calls(GET_URL).get(0);
        String stem = "INC-" + i.getNumber() + "-checkout-channel-down";
        assertThat(get.param("filename")).isEqualTo(stem + ".md");
        assertThat(get.param("length")).isEqualTo(String.valueOf(upload.bytes().length));
        assertThat(upload.contentType()).startsWith("text/markdown");
        String markdown = upload.text();
        assertThat(markdown)
                .startsWith("# Post-mortem: INC-" + i.getNumber() + " Checkout \\| \\<!channel\\> down")
                .containsPattern("\\| Time to acknowledge \\| [0-9: -]+ UTC \\| 3m 0s \\| 3m 0s \\|")
                .containsPattern("\\| Time to resolve \\| [0-9: -]+ UTC \\| 13m 0s \\| 13m 0s \\|");

        FakeSlack.Call complete = SLACK.calls(COMPLETE).get(0);
        assertThat(complete.ok()).isTrue();
        assertThat(complete.param("channel_id")).isEqualTo(channel);
        assertThat(complete.param("initial_comment"))
                .contains("INC-" + i.getNumber())
                .contains("&lt;!channel&gt;")
                .doesNotContain("<!channel>");
        JsonNode files = JsonMapper.builder().build().readTree(complete.param("files"));
        assertThat(files.size()).isEqualTo(1);
        assertThat(files.get(0).get("id").asString()).isEqualTo(fileId);
        assertThat(files.get(0).get("title").asString()).startsWith("Post-mortem draft: INC-" + i.getNumber());
        assertThat(sharedInto(channel)).singleElement().satisfies(f -> {
            assertThat(f.fileId()).isEqualTo(fileId);
            assertThat(f.content()).isEqualTo(markdown);
            assertThat(f.title()).startsWith("Post-mortem draft: INC-" + i.getNumber());
        });

        // Idempotent: running the finished task again does not upload twice.
        OutboxTask task = uploadTask(i);
        assertThat(task.getStatus()).isEqualTo(OutboxTask.DONE);
        assertThat(handler.handle(task)).isEqualTo(OutboxResult.done());
        assertThat(filesRequests()).hasSize(3);
        assertThat(sharedInto(channel)).hasSize(1);
        assertThat(uploads.findByIncidentIdOrderById(i.getId())).singleElement().satisfies(u -> {
            assertThat(u.getState()).isEqualTo(PostmortemUpload.COMPLETED);
            assertThat(u.getFileId()).isEqualTo(fileId);
        });
    }

    @Test
    void a429OnGetUploadUrlWaitsForRetryAfterThenSucceeds() {
        Incident[] opened = new Incident[1];
        String channel = openWithChannel(opened);
        Incident i = opened[0];
        SLACK.script(GET_URL, Reply.rateLimited(7));
        Instant resolvedAt = CLOCK.advance(Duration.ofMinutes(5));
        incidents.resolve(i.getId(), Actor.api("t"), null);
        drain();
        assertThat(filesRequests()).containsExactly(GET_URL);
        assertThat(SLACK.calls(GET_URL).get(0).status()).isEqualTo(429);
        OutboxTask task = uploadTask(i);
        assertThat(task.getStatus()).isEqualTo(OutboxTask.PENDING);
        assertThat(task.getNotBefore()).isEqualTo(resolvedAt.plusSeconds(7));

        CLOCK.advance(Duration.ofSeconds(6));
        drain();
        assertThat(filesRequests()).hasSize(1);
        CLOCK.advance(Duration.ofSeconds(1));
        drain();
        String fileId = SLACK.uploads().get(0).fileId();
        assertThat(filesRequests()).containsExactly(GET_URL, GET_URL, "upload:" + fileId, COMPLETE);
        assertThat(uploadTask(i).getStatus()).isEqualTo(OutboxTask.DONE);
        assertThat(sharedInto(channel))
                .singleElement()
                .extracting(FakeSlack.SharedFile::fileId)
                .isEqualTo(fileId);
    }

    @Test
    void aFailedCompleteIsRetriedWithoutUploadingAgain() {
        Incident[] opened = new Incident[1];
        String channel = openWithChannel(opened);
        Incident i = opened[0];
        SLACK.script(COMPLETE, Reply.http(500));
        CLOCK.advance(Duration.ofMinutes(5));
        incidents.resolve(i.getId(), Actor.api("t"), null);
        drain();
        assertThat(uploads.findByIncidentIdOrderById(i.getId()))
                .singleElement()
                .satisfies(u -> assertThat(u.getState()).isEqualTo(PostmortemUpload.UPLOADED));
        assertThat(uploadTask(i).getStatus()).isEqualTo(OutboxTask.PENDING);
        assertThat(sharedInto(channel)).isEmpty();

        CLOCK.advance(Duration.ofMinutes(6));
        drain();
        String fileId = SLACK.uploads().get(0).fileId();
        assertThat(SLACK.uploads()).hasSize(1);
        // Before completing again, files.info tells whether the first completion went through after all.
        assertThat(filesRequests()).containsExactly(GET_URL, "upload:" + fileId, COMPLETE, "files.info", COMPLETE);
        assertThat(SLACK.calls(COMPLETE)).extracting(FakeSlack.Call::status).containsExactly(500, 200);
        assertThat(SLACK.calls(COMPLETE))
                .extracting(c -> c.param("files"))
                .allSatisfy(f -> assertThat(f).contains(fileId));
        assertThat(uploadTask(i).getStatus()).isEqualTo(OutboxTask.DONE);
        assertThat(sharedInto(channel))
                .singleElement()
                .extracting(FakeSlack.SharedFile::fileId)
                .isEqualTo(fileId);
    }

    @Test
    void waitsForTheChannelInsteadOfFailing() {
        SLACK.script("conversations.create", Reply.http(500), Reply.http(500), Reply.http(500));
        Incident i = open();
        incidents.resolve(i.getId(), Actor.api("t"), null);
        drain();
        assertThat(SLACK.calls("conversations.create"))
                .singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo(500));
        assertThat(queries.view(i.getId()).slackChannelId()).isNull();
        assertThat(filesRequests()).isEmpty();
        assertThat(uploadTask(i).getStatus()).isEqualTo(OutboxTask.PENDING);
        assertThat(uploadTask(i).getAttempts()).isZero();

        for (int n = 2; n <= 3; n++) {
            CLOCK.advance(Duration.ofSeconds(10));
            drain();
            assertThat(SLACK.calls("conversations.create")).hasSize(n).noneMatch(FakeSlack.Call::ok);
            assertThat(filesRequests()).isEmpty();
        }
        CLOCK.advance(Duration.ofSeconds(10));
        drain();

        String channel = queries.view(i.getId()).slackChannelId();
        assertThat(channel).isNotNull();
        assertThat(SLACK.okCalls("conversations.create"))
                .singleElement()
                .satisfies(
                        c -> assertThat(c.param("name")).isEqualTo("inc-" + i.getNumber() + "-checkout-channel-down"));
        List<String> requests = SLACK.requests();
        assertThat(requests.lastIndexOf("conversations.create")).isLessThan(requests.indexOf(GET_URL));
        String fileId = SLACK.uploads().get(0).fileId();
        assertThat(filesRequests()).containsExactly(GET_URL, "upload:" + fileId, COMPLETE);
        assertThat(SLACK.calls(COMPLETE).get(0).param("channel_id")).isEqualTo(channel);
        assertThat(sharedInto(channel))
                .singleElement()
                .extracting(FakeSlack.SharedFile::fileId)
                .isEqualTo(fileId);
        // The upload ran once, after the channel existed: no retry, no error, no warning.
        OutboxTask task = uploadTask(i);
        assertThat(task.getStatus()).isEqualTo(OutboxTask.DONE);
        assertThat(task.getAttempts()).isEqualTo(1);
        assertThat(task.getLastError()).isNull();
        assertThat(timeline.of(i.getId())).noneMatch(e -> e.getKind().equals(TimelineKinds.INTEGRATION_WARNING));
    }

    @Test
    void aPermanentSlackErrorLeavesAWarningOnTheTimeline() {
        Incident[] opened = new Incident[1];
        String channel = openWithChannel(opened);
        Incident i = opened[0];
        SLACK.always(GET_URL, Reply.error("invalid_auth"));
        SLACK.always(COMPLETE, Reply.error("invalid_auth"));
        try {
            CLOCK.advance(Duration.ofMinutes(5));
            incidents.resolve(i.getId(), Actor.api("t"), null);
            drain();
        } finally {
            SLACK.reset(GET_URL).reset(COMPLETE);
        }
        assertThat(filesRequests()).containsExactly(GET_URL);
        assertThat(uploadTask(i).getStatus()).isEqualTo(OutboxTask.FAILED);
        assertThat(timeline.of(i.getId())).anySatisfy(e -> {
            assertThat(e.getKind()).isEqualTo(TimelineKinds.INTEGRATION_WARNING);
            assertThat(e.getText()).contains("postmortem.upload", "invalid_auth");
        });
        assertThat(incidents.get(i.getId()).getStatus().isOpen()).isFalse();
        assertThat(sharedInto(channel)).isEmpty();
    }

    @Test
    void commandAndButtonEnqueueOneUploadPerMinute() throws Exception {
        Incident[] opened = new Incident[1];
        String channel = openWithChannel(opened);
        Incident i = opened[0];
        CLOCK.advance(Duration.ofMinutes(5));
        IncidentSubcommand command = subcommands.stream()
                .filter(c -> c.name().equals("postmortem"))
                .findFirst()
                .orElseThrow();
        BlockActionHandler button = buttons.stream()
                .filter(b -> b.actionId().equals(SlackActions.POSTMORTEM))
                .findFirst()
                .orElseThrow();
        SlackCommandContext ctx =
                new SlackCommandContext("U1", "alice", channel, "T1", "", incidents.get(i.getId()), null, null);
        SlackReply first = command.run(ctx);
        assertThat(first.text()).contains("Drafting the post-mortem", "<#" + channel + ">");
        assertThat(command.run(ctx).text()).contains("less than a minute ago");
        assertThat(button.run(ctx).text()).contains("Drafting the post-mortem");
        drain();
        List<FakeSlack.Upload> sent = SLACK.uploads();
        assertThat(sent).hasSize(2).allSatisfy(u -> assertThat(u.bytes()).isNotEmpty());
        assertThat(sent.get(0).fileId()).isNotEqualTo(sent.get(1).fileId());
        assertThat(filesRequests())
                .containsExactly(
                        GET_URL,
                        "upload:" + sent.get(0).fileId(),
                        COMPLETE,
                        GET_URL,
                        "upload:" + sent.get(1).fileId(),
                        COMPLETE);
        assertThat(sharedInto(channel)).hasSize(2);

        // A minute later the command asks for a new draft again.
        CLOCK.advance(Duration.ofMinutes(1));
        assertThat(command.run(ctx).text()).contains("Drafting the post-mortem");
        drain();
        assertThat(SLACK.uploads()).hasSize(3);
        assertThat(sharedInto(channel)).hasSize(3);
    }
}
