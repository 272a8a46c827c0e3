package dev.firebreak.postmortem;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest.FileDetails;
import com.slack.api.methods.response.files.FilesCompleteUploadExternalResponse;
import com.slack.api.methods.response.files.FilesGetUploadURLExternalResponse;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentManagement;
import dev.firebreak.incident.IncidentNotFoundException;
import dev.firebreak.slack.SlackApi;
import dev.firebreak.slack.SlackMrkdwn;
import dev.firebreak.slack.SlackOutcomes;
import dev.firebreak.system.outbox.Outbox;
import dev.firebreak.system.outbox.OutboxHandler;
import dev.firebreak.system.outbox.OutboxResult;
import dev.firebreak.system.outbox.OutboxTask;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.springframework.stereotype.Component;

/**
 * {@code postmortem.upload}: shares the draft into the incident's Slack channel with files upload v2
 * ({@code files.getUploadURLExternal}, POST of the bytes to the returned URL, {@code files.completeUploadExternal}).
 * Idempotent through {@link PostmortemUpload}: a completed request is skipped; a request whose bytes reached
 * Slack is only completed. Waits (retries) while the incident has no channel yet.
 */
@Component
class PostmortemUploadHandler implements OutboxHandler {

    static final String KIND = "postmortem.upload";
    static final Duration CHANNEL_WAIT = Duration.ofSeconds(30);
    /** About half an hour of waiting for a channel before giving up with a visible warning. */
    static final int MAX_CHANNEL_WAITS = 60;
    /** completeUploadExternal errors that mean the uploaded file is gone: start over. */
    static final Set<String> RESTART = Set.of("file_not_found", "file_deleted", "invalid_file_id", "file_upload_not_found");
    private static final MediaType MARKDOWN = MediaType.get("text/markdown; charset=utf-8");

    private final SlackApi slack;
    private final IncidentManagement incidents;
    private final PostmortemDrafts drafts;
    private final PostmortemUploads uploads;
    private final Clock clock;
    private final OkHttpClient http = new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(10)).readTimeout(Duration.ofSeconds(60))
            .writeTimeout(Duration.ofSeconds(60)).followRedirects(false).build();

    PostmortemUploadHandler(SlackApi slack, IncidentManagement incidents, PostmortemDrafts drafts,
                            PostmortemUploads uploads, Clock clock) {
        this.slack = slack;
        this.incidents = incidents;
        this.drafts = drafts;
        this.uploads = uploads;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public OutboxResult handle(OutboxTask task) {
        PostmortemRequests.DraftTask request = Outbox.payload(task, PostmortemRequests.DraftTask.class);
        PostmortemUpload upload = uploads.findByRequestKey(request.requestKey())
                .orElseGet(() -> uploads.save(new PostmortemUpload(request.incidentId(), request.requestKey(), clock.instant())));
        if (PostmortemUpload.COMPLETED.equals(upload.getState())) {
            return OutboxResult.done();
        }
        if (!slack.enabled()) {
            return OutboxResult.failed("Post-mortem upload: Slack is not configured");
        }
        Incident incident;
        try {
            incident = incidents.get(request.incidentId());
        } catch (IncidentNotFoundException e) {
            return OutboxResult.failed("Post-mortem upload: incident " + request.incidentId() + " does not exist");
        }
        String channel = incident.getSlackChannelId();
        if (channel == null || channel.isBlank()) {
            if (task.getAttempts() >= MAX_CHANNEL_WAITS) {
                return OutboxResult.failed("Post-mortem upload: " + incident.reference() + " has no Slack channel");
            }
            return OutboxResult.retryAt(clock.instant().plus(CHANNEL_WAIT), "waiting for the incident's Slack channel");
        }
        MethodsClient methods = slack.methods();
        String title = "Post-mortem draft: " + incident.reference() + " " + incident.getTitle();
        try {
            if (PostmortemUpload.UPLOADED.equals(upload.getState()) && upload.getFileId() != null
                    && channel.equals(upload.getChannelId())) {
                // An earlier completion whose answer we never saw (dropped connection, crash) may have shared
                // the file already: completing it again would share it twice.
                if (task.getAttempts() > 1 && sharedIn(methods, upload.getFileId(), channel)) {
                    upload.completed(clock.instant());
                    uploads.save(upload);
                    return OutboxResult.done();
                }
                return complete(methods, upload, channel, title, incident);
            }
            // A failure to load (database down) is transient and retried; a failure to render is permanent.
            PostmortemInput input = drafts.load(incident.getId());
            String markdown;
            try {
                markdown = drafts.markdown(input, drafts.settings().absoluteChartUrl(incident.reference()));
            } catch (RuntimeException e) {
                return OutboxResult.failed("Post-mortem draft for " + incident.reference() + " could not be rendered: " + e);
            }
            byte[] bytes = markdown.getBytes(StandardCharsets.UTF_8);
            FilesGetUploadURLExternalResponse target = methods.filesGetUploadURLExternal(r -> r
                    .filename(PostmortemDrafts.fileStem(input.incident()) + ".md").length(bytes.length));
            if (!target.isOk()) {
                return SlackOutcomes.of("files.getUploadURLExternal", target);
            }
            OutboxResult sent = sendBytes(target.getUploadUrl(), bytes);
            if (sent != null) {
                return sent;
            }
            upload.uploaded(target.getFileId(), channel, clock.instant());
            upload = uploads.save(upload);
            return complete(methods, upload, channel, title, incident);
        } catch (Exception e) {
            return SlackOutcomes.of(KIND, e, clock);
        }
    }

    private OutboxResult complete(MethodsClient methods, PostmortemUpload upload, String channel, String title,
                                  Incident incident) throws Exception {
        String comment = ":page_facing_up: Post-mortem draft for " + incident.reference() + " "
                + SlackMrkdwn.escape(incident.getTitle()) + ". Edit it, fill in the prompts, and share it.";
        FilesCompleteUploadExternalResponse done = methods.filesCompleteUploadExternal(r -> r
                .files(List.of(new FileDetails(upload.getFileId(), title, null)))
                .channelId(channel)
                .initialComment(comment));
        if (done.isOk()) {
            upload.completed(clock.instant());
            uploads.save(upload);
            return OutboxResult.done();
        }
        if (RESTART.contains(done.getError())) {
            upload.restart(clock.instant());
            uploads.save(upload);
            return OutboxResult.retry("Slack files.completeUploadExternal: " + done.getError() + "; uploading again");
        }
        return SlackOutcomes.of("files.completeUploadExternal", done);
    }

    /** Whether Slack says the file is already shared into the channel (files.info). */
    private static boolean sharedIn(MethodsClient methods, String fileId, String channel) throws Exception {
        var info = methods.filesInfo(r -> r.file(fileId));
        if (!info.isOk() || info.getFile() == null) {
            return false;
        }
        var file = info.getFile();
        return (file.getChannels() != null && file.getChannels().contains(channel))
                || (file.getGroups() != null && file.getGroups().contains(channel))
                || (file.getShares() != null && ((file.getShares().getPublicChannels() != null
                && file.getShares().getPublicChannels().containsKey(channel))
                || (file.getShares().getPrivateChannels() != null
                && file.getShares().getPrivateChannels().containsKey(channel))));
    }

    /** POSTs the bytes to Slack's upload URL; null on success, else the outcome to return. */
    private OutboxResult sendBytes(String uploadUrl, byte[] bytes) {
        if (uploadUrl == null || !(uploadUrl.startsWith("https://") || uploadUrl.startsWith("http://"))) {
            return OutboxResult.retry("Slack gave no usable upload_url");
        }
        Request post = new Request.Builder().url(uploadUrl).post(RequestBody.create(bytes, MARKDOWN)).build();
        try (Response response = http.newCall(post).execute()) {
            if (response.isSuccessful()) {
                return null;
            }
            if (response.code() == 429) {
                String after = response.header("Retry-After");
                long seconds = after != null && after.trim().matches("\\d{1,6}") ? Long.parseLong(after.trim()) : 30;
                return OutboxResult.retryAt(clock.instant().plusSeconds(Math.max(1, seconds)),
                        "Slack file upload: HTTP 429");
            }
            return OutboxResult.retry("Slack file upload: HTTP " + response.code());
        } catch (IOException e) {
            return OutboxResult.retry("Slack file upload: " + e.getClass().getSimpleName() + " " + e.getMessage());
        }
    }
}
