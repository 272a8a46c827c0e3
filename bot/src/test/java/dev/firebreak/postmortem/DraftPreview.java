package dev.firebreak.postmortem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the drafts of the fixture incidents (HTML with the chart embedded, PDF, Markdown, SVG) into a directory,
 * for docs/screenshots.sh: {@code java ... dev.firebreak.postmortem.DraftPreview <dir>}.
 */
public final class DraftPreview {

    private DraftPreview() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/drafts");
        Files.createDirectories(dir);
        write(dir, "realistic", PostmortemFixtures.realistic());
        write(dir, "short", PostmortemFixtures.resolved());
    }

    static void write(Path dir, String name, PostmortemInput input) throws IOException {
        PostmortemRenderer renderer = PostmortemRenderer.withDefaultTemplate();
        String svg = ActivityChart.svg(input);
        Files.writeString(dir.resolve(name + ".svg"), svg, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(name + ".md"), renderer.markdown(input, name + ".svg"), StandardCharsets.UTF_8);
        String html = PostmortemDrafts.htmlPage(renderer, input);
        Files.writeString(dir.resolve(name + ".html"), html, StandardCharsets.UTF_8);
        Files.write(dir.resolve(name + ".pdf"), PostmortemDrafts.pdfDocument(renderer, input));
    }
}
