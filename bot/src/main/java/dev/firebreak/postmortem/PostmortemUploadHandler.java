package dev.firebreak.postmortem;

import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest.FileDetails;
import com.slack.api.methods.response.files.FilesCompleteUploadExternalResponse;
import com.slack.api.methods.response.files.FilesGetUploadURLExternalResponse;
import dev.firebreak.incident.IncidentNotFoundException;
import dev.firebreak.incident.IncidentQueries;
import dev.firebreak.incident.IncidentView;
import dev.firebreak.slack.SlackApi;
import dev.firebreak.slack.SlackMrkdwn;
import dev.firebreak.slack.SlackOutcomes;
import dev.firebreak.system.outbox.Outbox;
import dev.firebreak.system.outbox.OutboxHandler;
import dev.firebreak.system.outbox.OutboxResult;
import dev.firebreak.system.outbox.OutboxTask;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Set;
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
    /** completeUploadExternal errors that mean the uploaded file is gone: start over. */
    static final Set<String> RESTART =
            Set.of("file_not_found", "file_deleted", "invalid_file_id", "file_upload_not_found");

    private static final String MARKDOWN = "text/markdown; charset=utf-8";

    private final SlackApi slack;
    private final IncidentQueries incidents;
    private final PostmortemDrafts drafts;
    private final PostmortemUploads uploads;
    private final Clock clock;

    PostmortemUploadHandler(
            SlackApi slack,
            IncidentQueries incidents,
            PostmortemDrafts drafts,
            PostmortemUploads uploads,
            Clock clock) {
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
                .orElseGet(() -> uploads.save(
                        new PostmortemUpload(request.incidentId(), request.requestKey(), clock.instant())));
        if (PostmortemUpload.COMPLETED.equals(upload.getState())) {
            return OutboxResult.done();
        }
        if (!slack.enabled()) {
            return OutboxResult.failed("Post-mortem upload: Slack is not configured");
        }
        IncidentView incident;
        try {
            incident = incidents.view(request.incidentId());
        } catch (IncidentNotFoundException e) {
            return OutboxResult.failed("Post-mortem upload: incident " + request.incidentId() + " does not exist");
        }
        String channel = incident.slackChannelId();
        if (channel == null || channel.isBlank()) {
            return SlackOutcomes.awaitChannel(
                    task, clock, "Post-mortem upload: " + incident.reference() + " has no Slack channel");
        }
        String title = "Post-mortem draft: " + incident.reference() + " " + incident.title();
        if (PostmortemUpload.UPLOADED.equals(upload.getState())
                && upload.getFileId() != null
                && channel.equals(upload.getChannelId())) {
            // An earlier completion whose answer we never saw (dropped connection, crash) may have shared
            // the file already: completing it again would share it twice.
            if (task.getAttempts() > 1 && sharedIn(upload.getFileId(), channel)) {
                upload.completed(clock.instant());
                uploads.save(upload);
                return OutboxResult.done();
            }
            return complete(upload, channel, title, incident);
        }
        // A failure to load (database down) is transient and retried; a failure to render is permanent.
        PostmortemInput input = drafts.load(incident.id());
        String markdown;
        try {
            markdown = drafts.markdown(input, drafts.settings().absoluteChartUrl(incident.reference()));
        } catch (RuntimeException e) {
            return OutboxResult.failed(
                    "Post-mortem draft for " + incident.reference() + " could not be rendered: " + e);
        }
        byte[] bytes = markdown.getBytes(StandardCharsets.UTF_8);
        SlackApi.Answer<FilesGetUploadURLExternalResponse> target = slack.call(
                "files.getUploadURLExternal",
                null,
                m -> m.filesGetUploadURLExternal(r -> r.filename(PostmortemDrafts.fileStem(input.incident()) + ".md")
                        .length(bytes.length)));
        if (!target.ok()) {
            return target.result();
        }
        OutboxResult sent = slack.uploadBytes(target.response().getUploadUrl(), bytes, MARKDOWN);
        if (!(sent instanceof OutboxResult.Done)) {
            return sent;
        }
        upload.uploaded(target.response().getFileId(), channel, clock.instant());
        upload = uploads.save(upload);
        return complete(upload, channel, title, incident);
    }

    private OutboxResult complete(PostmortemUpload upload, String channel, String title, IncidentView incident) {
        String comment = ":page_facing_up: Post-mortem draft for " + incident.reference() + " "
                + SlackMrkdwn.escape(incident.title()) + ". Edit it, fill in the prompts, and share it.";
        SlackApi.Answer<FilesCompleteUploadExternalResponse> done = slack.call(
                "files.completeUploadExternal",
                channel,
                m -> m.filesCompleteUploadExternal(
                        r -> r.files(List.of(new FileDetails(upload.getFileId(), title, null)))
                                .channelId(channel)
                                .initialComment(comment)));
        if (done.ok()) {
            upload.completed(clock.instant());
            uploads.save(upload);
            return OutboxResult.done();
        }
        if (RESTART.contains(done.error())) {
            upload.restart(clock.instant());
            uploads.save(upload);
            return OutboxResult.retry("Slack files.completeUploadExternal: " + done.error() + "; uploading again");
        }
        return done.result();
    }

    /** Whether Slack says the file is already shared into the channel (files.info). */
    private boolean sharedIn(String fileId, String channel) {
        SlackApi.Answer<com.slack.api.methods.response.files.FilesInfoResponse> info =
                slack.call("files.info", null, m -> m.filesInfo(r -> r.file(fileId)));
        if (!info.ok() || info.response().getFile() == null) {
            return false;
        }
        var file = info.response().getFile();
        return (file.getChannels() != null && file.getChannels().contains(channel))
                || (file.getGroups() != null && file.getGroups().contains(channel))
                || (file.getShares() != null
                        && ((file.getShares().getPublicChannels() != null
                                        && file.getShares().getPublicChannels().containsKey(channel))
                                || (file.getShares().getPrivateChannels() != null
                                        && file.getShares().getPrivateChannels().containsKey(channel))));
    }
}
