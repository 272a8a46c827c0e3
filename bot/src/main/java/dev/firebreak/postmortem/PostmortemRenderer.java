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
import java.util.Locale;
import java.util.Map;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
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
    private static final HtmlRenderer HTML = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .attributeProviderFactory(context -> new HeadingIds())
            .escapeHtml(true)
            .sanitizeUrls(true)
            .build();

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

    /**
     * The Markdown as a small standalone HTML page: raw HTML in the Markdown is escaped, unsafe URLs dropped.
     * Headings get ids from their text ({@code ## Action items} is {@code #action-items}). Its style adapts to dark
     * mode on screen and has a print stylesheet ({@link #CSS}).
     */
    public static String html(String markdown, String title) {
        String body = HTML.render(PARSER.parse(markdown));
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n<title>"
                + Xml.escape(title) + "</title>\n<style>\n" + CSS + "</style>\n</head>\n<body>\n<main>\n"
                + body + "</main>\n</body>\n</html>\n";
    }

    /**
     * Screen (light, or dark when the viewer prefers it) and print: A4 pages, a page break before the timeline and
     * before the analysis, table rows and the chart never cut, table headers repeated, links followed by their URL.
     */
    static final String CSS = """
            :root { color-scheme: light dark; }
            body { font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #1f2328; background: #ffffff; margin: 0; }
            main { max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }
            h1 { font-size: 1.7rem; line-height: 1.25; padding-bottom: 0.3rem; border-bottom: 1px solid #d1d9e0; }
            h2 { font-size: 1.3rem; margin-top: 2rem; padding-bottom: 0.2rem; border-bottom: 1px solid #d1d9e0; }
            table { border-collapse: collapse; margin: 1rem 0; }
            th, td { border: 1px solid #d1d9e0; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
            td { overflow-wrap: break-word; }
            th { background: #f6f8fa; }
            pre { background: #f6f8fa; padding: 0.8rem; overflow-x: auto; }
            blockquote { color: #59636e; border-left: 0.25rem solid #d1d9e0; margin: 0; padding: 0 1rem; }
            img { max-width: 100%; height: auto; }
            a { color: #0969da; }
            @media (prefers-color-scheme: dark) {
              body { color: #e6edf3; background: #0d1117; }
              h1, h2, th, td { border-color: #3d444d; }
              th, pre { background: #151b23; }
              blockquote { color: #9198a1; border-color: #3d444d; }
              a { color: #4493f8; }
            }
            @media print {
              @page { size: A4; margin: 16mm 14mm; }
              :root { color-scheme: light; }
              body { color: #000000; background: #ffffff; font-size: 10pt; }
              main { max-width: none; margin: 0; padding: 0; }
              h2#timeline, h2#contributing-factors { break-before: page; page-break-before: always; }
              h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
              tr, img, pre, blockquote { break-inside: avoid; page-break-inside: avoid; }
              thead { display: table-header-group; }
              th { background: #eeeeee; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
              a { color: #000000; }
              a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 85%; word-break: break-all; }
            }
            """;

    /** {@code id} attributes for headings, from their text: lowercase ASCII letters and digits joined by dashes. */
    private static final class HeadingIds implements AttributeProvider {
        @Override
        public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
            if (node instanceof Heading) {
                StringBuilder text = new StringBuilder();
                node.accept(new AbstractVisitor() {
                    @Override
                    public void visit(Text t) {
                        text.append(t.getLiteral());
                    }

                    @Override
                    public void visit(Code c) {
                        text.append(c.getLiteral());
                    }
                });
                String id = text.toString()
                        .toLowerCase(Locale.ROOT)
                        .replaceAll("[^a-z0-9]+", "-")
                        .replaceAll("^-+|-+$", "");
                if (!id.isEmpty()) {
                    attributes.put("id", id);
                }
            }
        }
    }

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
