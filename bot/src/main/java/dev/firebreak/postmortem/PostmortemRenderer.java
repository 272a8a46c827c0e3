package dev.firebreak.postmortem;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Renders drafts: the Mustache template over the {@link PostmortemModel} gives Markdown, CommonMark gives
 * HTML. In the template, {@code {{x}}} writes untrusted text as literal Markdown ({@link Markdown#inline});
 * {@code {{{x}}}} writes Markdown that the model built. Thread-safe; compile once and reuse.
 */
public final class PostmortemRenderer {

    public static final String DEFAULT_TEMPLATE = "postmortem/default.md.mustache";
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().extensions(EXTENSIONS)
            .escapeHtml(true).sanitizeUrls(true).build();

    private final Mustache template;

    private PostmortemRenderer(String name, String templateText) {
        try {
            this.template = new MarkdownMustacheFactory().compile(new StringReader(templateText), name);
        } catch (MustacheException e) {
            throw new IllegalArgumentException("Invalid post-mortem template " + name + ": " + e.getMessage(), e);
        }
    }

    public static PostmortemRenderer of(String name, String templateText) {
        return new PostmortemRenderer(name, templateText);
    }

    /** The template shipped with Firebreak. */
    public static PostmortemRenderer withDefaultTemplate() {
        try (InputStream in = PostmortemRenderer.class.getClassLoader().getResourceAsStream(DEFAULT_TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + DEFAULT_TEMPLATE);
            }
            return of(DEFAULT_TEMPLATE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A template from a file (e.g. {@code firebreak.postmortem.template}). */
    public static PostmortemRenderer fromFile(Path file) {
        try {
            return of(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read post-mortem template " + file, e);
        }
    }

    public String markdown(PostmortemInput input, String activityImageUrl) {
        return markdown(PostmortemModels.build(input, activityImageUrl));
    }

    public String markdown(PostmortemModel model) {
        StringWriter out = new StringWriter(16_384);
        template.execute(out, model);
        return out.toString();
    }

    /** The Markdown as a small standalone HTML page: raw HTML in the Markdown is escaped, unsafe URLs dropped. */
    public static String html(String markdown, String title) {
        String body = HTML.render(PARSER.parse(markdown));
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
                + Xml.escape(title) + "</title>\n<style>\n" + CSS + "</style>\n</head>\n<body>\n<main>\n"
                + body + "</main>\n</body>\n</html>\n";
    }

    private static final String CSS = """
            body { font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #1f2328; margin: 0; }
            main { max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }
            table { border-collapse: collapse; margin: 1rem 0; }
            th, td { border: 1px solid #d0d7de; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
            th { background: #f6f8fa; }
            pre { background: #f6f8fa; padding: 0.8rem; overflow-x: auto; }
            blockquote { color: #59636e; border-left: 0.25rem solid #d0d7de; margin: 0; padding: 0 1rem; }
            img { max-width: 100%; }
            """;

    /** Mustache whose {@code {{x}}} escapes for Markdown instead of HTML. */
    private static final class MarkdownMustacheFactory extends DefaultMustacheFactory {
        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(Markdown.inline(value));
            } catch (IOException e) {
                throw new MustacheException("Failed to write", e);
            }
        }
    }
}
