package dev.firebreak.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.incident.IncidentAlerts.AlertFact;
import dev.firebreak.postmortem.PostmortemInput.Entry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Untrusted text (labels, annotations, notes, Slack messages) must come out as literal text. */
class PostmortemInjectionTest {

    static final String EVIL_TITLE = "Pwn <script>alert(1)</script> [click](javascript:alert(1)) | x";
    static final String EVIL_NOTE =
            "cell | breaker\nnew line\r\n# heading ![img](javascript:alert(2)) `code` <!channel> "
                    + "<img src=x onerror=alert(3)> [ok](https://example.com) <https://auto.example> **bold** &lt;b&gt;";

    static PostmortemInput evilInput() {
        PostmortemInput base = PostmortemFixtures.resolved();
        Map<String, String> labels = new LinkedHashMap<>(base.incident().labels());
        labels.put("service", "checkout|<b>evil</b>");
        labels.put("payload", "```\n</code></pre><script>alert(4)</script>\n````");
        PostmortemInput.Incident i = base.incident();
        PostmortemInput.Incident evil = new PostmortemInput.Incident(
                i.number(),
                EVIL_TITLE,
                "- list?\n1. ordered\n    code",
                i.severity(),
                i.status(),
                i.source(),
                i.detectedAt(),
                i.openedAt(),
                i.acknowledgedAt(),
                i.mitigatedAt(),
                i.resolvedAt(),
                "<@U1|alice>",
                null,
                null,
                labels,
                0,
                i.externalUrl());
        List<AlertFact> alerts = new ArrayList<>(base.alerts());
        alerts.add(new AlertFact(
                null,
                "Evil|Alert\n<script>",
                "firing",
                Map.of("alertname", "Evil|Alert"),
                Map.of(),
                PostmortemFixtures.OPENED,
                null,
                "javascript:alert(5)",
                null,
                PostmortemFixtures.OPENED));
        List<Entry> timeline = new ArrayList<>(base.timeline());
        timeline.add(new Entry(
                100,
                Instant.parse("2026-11-28T05:05:00Z"),
                "note",
                "mallory | <b>",
                "slack:U9",
                EVIL_NOTE,
                "javascript:alert(6)",
                null,
                false,
                null));
        timeline.add(new Entry(
                101,
                Instant.parse("2026-11-28T05:06:00Z"),
                "follow-up",
                "mallory",
                "slack:U9",
                EVIL_NOTE,
                null,
                "{\"owner\":\"U9\",\"ownerName\":\"x|<script>\"}",
                false,
                null));
        return new PostmortemInput(evil, alerts, timeline, base.generatedAt());
    }

    @Test
    void markdownHasNoLiveMarkupFromUntrustedText() {
        String md = PostmortemRenderer.withDefaultTemplate().markdown(evilInput(), null);
        Parser parser =
                Parser.builder().extensions(List.of(TablesExtension.create())).build();
        Node doc = parser.parse(md);
        List<String> links = new ArrayList<>();
        List<Node> html = new ArrayList<>();
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                links.add(link.getDestination());
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                links.add(image.getDestination());
            }

            @Override
            public void visit(HtmlInline node) {
                html.add(node);
            }

            @Override
            public void visit(HtmlBlock node) {
                html.add(node);
            }
        });
        assertThat(html).as("raw HTML nodes").isEmpty();
        assertThat(links).allSatisfy(l -> assertThat(l).matches("https?://.*"));
        assertThat(links).doesNotContain("https://example.com", "https://auto.example");
        assertThat(md).doesNotContain("javascript:alert(5)", "javascript:alert(6)");
        // The escaped title is still readable as text.
        assertThat(text(doc)).contains("Pwn <script>alert(1)</script> [click](javascript:alert(1)) | x", "<!channel>");
    }

    @Test
    void tableCellsStayInTheirColumns() {
        String md = PostmortemRenderer.withDefaultTemplate().markdown(evilInput(), null);
        Node doc = Parser.builder()
                .extensions(List.of(TablesExtension.create()))
                .build()
                .parse(md);
        List<Integer> widths = new ArrayList<>();
        List<String> noteCells = new ArrayList<>();
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(CustomBlock block) {
                if (block instanceof TableBlock) {
                    visitChildren(block);
                }
            }

            @Override
            public void visit(CustomNode node) {
                if (node instanceof TableRow) {
                    int cells = 0;
                    for (Node c = node.getFirstChild(); c != null; c = c.getNext()) {
                        cells++;
                        String t = text(c);
                        if (t.startsWith("cell | breaker")) {
                            noteCells.add(t);
                        }
                    }
                    widths.add(cells);
                    assertThat(node.getFirstChild()).isInstanceOf(TableCell.class);
                } else {
                    visitChildren(node);
                }
            }
        });
        assertThat(noteCells)
                .hasSize(3)
                .allSatisfy(cell -> assertThat(cell)
                        .startsWith("cell | breaker new line # heading ![img](javascript:alert(2)) `code` <!channel>")
                        .endsWith("**bold** <b>"));
        // Every row of the facts and roles (4), milestones (4), timeline (5), alerts (6) and action-item (5) tables is
        // intact.
        assertThat(widths).containsOnly(4, 5, 6);
    }

    @Test
    void codeFenceIsLongerThanAnyBacktickRunInside() {
        String md = PostmortemRenderer.withDefaultTemplate().markdown(evilInput(), null);
        assertThat(md).contains("`````\n");
        assertThat(Markdown.codeBlock("a ``` b ```` c")).startsWith("`````\n").endsWith("\n`````");
        assertThat(Markdown.codeBlock("plain")).isEqualTo("```\nplain\n```");
    }

    @Test
    void htmlHasNoScriptNoJavascriptLinksAndIntactTables() {
        PostmortemInput input = evilInput();
        String html = PostmortemRenderer.html(
                PostmortemRenderer.withDefaultTemplate().markdown(input, "postmortem/activity.svg"),
                input.incident().reference() + " " + input.incident().title());
        Document doc = Jsoup.parse(html);
        assertThat(doc.select("script")).isEmpty();
        assertThat(doc.select("[onerror], [onload], [onclick]")).isEmpty();
        for (Element a : doc.select("a[href]")) {
            assertThat(a.attr("href")).matches("https?://.*");
        }
        for (Element img : doc.select("img[src]")) {
            assertThat(img.attr("src")).doesNotContain("javascript");
        }
        assertThat(doc.title()).startsWith("INC-12 Pwn <script>");
        assertThat(doc.select("h1").text()).contains("<script>alert(1)</script>");
        assertThat(doc.select("img[src=postmortem/activity.svg]")).hasSize(1);
        // the timeline table: 5 columns in every row, one row per current entry
        Element timeline = doc.select("h2:contains(Timeline) + p + table").first();
        assertThat(timeline).isNotNull();
        assertThat(timeline.select("tr"))
                .allSatisfy(tr -> assertThat(tr.children()).hasSize(5));
        assertThat(timeline.select("td:contains(cell | breaker new line)")).hasSize(2);
        assertThat(doc.select("pre code").text()).contains("</code></pre><script>alert(4)</script>");
        assertThat(doc.select("style")).hasSize(1);
    }

    static String text(Node node) {
        StringBuilder sb = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                sb.append(text.getLiteral());
            }

            @Override
            public void visit(org.commonmark.node.Code code) {
                sb.append('`').append(code.getLiteral()).append('`');
            }

            @Override
            public void visit(org.commonmark.node.SoftLineBreak br) {
                sb.append('\n');
            }
        });
        return sb.toString();
    }
}
