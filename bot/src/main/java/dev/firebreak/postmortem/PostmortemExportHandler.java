package dev.firebreak.postmortem;

import dev.firebreak.system.outbox.Outbox;
import dev.firebreak.system.outbox.OutboxHandler;
import dev.firebreak.system.outbox.OutboxResult;
import dev.firebreak.system.outbox.OutboxTask;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.stereotype.Component;

/**
 * {@code postmortem.export}: writes the draft to {@code firebreak.postmortem.export-dir} as
 * {@code INC-12-<slug>.md} with its chart beside it ({@code INC-12-<slug>.svg}), each written to a temporary file
 * and moved into place, so readers never see half a file. Rewriting is harmless (idempotent).
 */
@Component
class PostmortemExportHandler implements OutboxHandler {

    static final String KIND = "postmortem.export";

    private final PostmortemDrafts drafts;

    PostmortemExportHandler(PostmortemDrafts drafts) {
        this.drafts = drafts;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public OutboxResult handle(OutboxTask task) {
        if (!drafts.settings().exportEnabled()) {
            return OutboxResult.done();
        }
        PostmortemRequests.DraftTask request = Outbox.payload(task, PostmortemRequests.DraftTask.class);
        PostmortemInput input = drafts.load(request.incidentId());
        String stem = PostmortemDrafts.fileStem(input.incident());
        String markdown;
        String svg;
        try {
            markdown = drafts.markdown(input, stem + ".svg");
            svg = drafts.svg(input);
        } catch (RuntimeException e) {
            return OutboxResult.failed(
                    "Post-mortem draft for " + input.incident().reference() + " could not be rendered: " + e);
        }
        Path dir = Path.of(drafts.settings().exportDir().strip());
        try {
            Files.createDirectories(dir);
            writeAtomically(dir.resolve(stem + ".svg"), svg);
            writeAtomically(dir.resolve(stem + ".md"), markdown);
            return OutboxResult.done();
        } catch (IOException e) {
            return OutboxResult.retry("Post-mortem export to " + dir + ": " + e);
        }
    }

    static void writeAtomically(Path target, String content) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
