package dev.firebreak.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The draft of a realistic incident as Markdown (portable), HTML (print stylesheet) and PDF. */
class PostmortemDocumentTest {

    static final PostmortemRenderer RENDERER = PostmortemRenderer.withDefaultTemplate();

    @Test
    void markdownUsesOnlySyntaxThatGitHubConfluenceAndNotionImport() {
        String md = RENDERER.markdown(PostmortemFixtures.realistic(), "INC-42-checkout.svg");
        Node doc = Parser.builder()
                .extensions(List.of(TablesExtension.create()))
                .build()
                .parse(md);
        List<String> headerCells = new ArrayList<>();
        List<String> destinations = new ArrayList<>();
        List<Integer> levels = new ArrayList<>();
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(CustomBlock block) {
                visitChildren(block);
            }

            @Override
            public void visit(CustomNode node) {
                if (node instanceof TableHead) {
                    for (Node row = node.getFirstChild(); row != null; row = row.getNext()) {
                        for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                            headerCells.add(PostmortemInjectionTest.text(cell));
                        }
                    }
                }
                visitChildren(node);
            }

            @Override
            public void visit(Heading heading) {
                levels.add(heading.getLevel());
                visitChildren(heading);
            }

            @Override
            public void visit(Link link) {
                destinations.add(link.getDestination());
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                destinations.add(image.getDestination());
            }
        });
        assertThat(headerCells)
                .hasSizeGreaterThan(20)
                .allSatisfy(c -> assertThat(c).isNotBlank());
        assertThat(levels).allSatisfy(l -> assertThat(l).isBetween(1, 3)); // Notion has three heading levels
        assertThat(md).doesNotContain("](<"); // angle-bracket destinations are CommonMark-only
        assertThat(destinations).contains("INC-42-checkout.svg", "https://deploys.example/checkout/2.14");
        assertThat(md)
                .contains("![Alert activity. Alerts firing over time, stacked by alertname: DiskSpaceLow (1 alert), ")
                .contains(
                        "Note: The first alert (DiskSpaceLow) started 2026-11-25 09:14:00 UTC, 2d 19h 39m 2s before the incident was opened");
    }

    @Test
    void htmlHasRealHeadersAltTextAndAPrintStylesheet() {
        String html = PostmortemDrafts.htmlPage(RENDERER, PostmortemFixtures.realistic());
        Document doc = Jsoup.parse(html);
        assertThat(doc.select("script")).isEmpty();
        assertThat(doc.select("th"))
                .hasSizeGreaterThan(20)
                .allSatisfy(th -> assertThat(th.text()).isNotBlank());
        assertThat(doc.select("thead tr"))
                .allSatisfy(tr -> assertThat(tr.text()).isNotBlank());
        Element img = doc.selectFirst("img");
        assertThat(img.attr("src")).startsWith("data:image/svg+xml;base64,");
        assertThat(img.attr("alt"))
                .startsWith("Alert activity. Alerts firing over time")
                .contains("Axis break");
        // the print rules name headings that exist
        assertThat(doc.select("h2#timeline, h2#contributing-factors")).hasSize(2);
        String css = doc.select("style").html();
        String print = css.substring(css.indexOf("@media print"));
        assertThat(print)
                .contains(
                        "h2#timeline, h2#contributing-factors { break-before: page; page-break-before: always; }",
                        "tr, img, pre, blockquote { break-inside: avoid; page-break-inside: avoid; }",
                        "thead { display: table-header-group; }",
                        "a[href^=\"http\"]::after { content: \" (\" attr(href) \")\"");
        assertThat(css).contains("@media (prefers-color-scheme: dark)");
    }

    @Test
    void pdfHasTheDraftOnA4PagesWithTheChart() throws Exception {
        byte[] pdf = PostmortemDrafts.pdfDocument(RENDERER, PostmortemFixtures.realistic());
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1))
                .isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isBetween(3, 8);
            assertThat(doc.getPage(0).getMediaBox().getWidth())
                    .isCloseTo(595f, org.assertj.core.data.Offset.offset(2f));
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text)
                    .contains(
                            "Post-mortem: INC-42",
                            "Time to acknowledge 2026-11-28 04:57:14 UTC",
                            "Load-test connection pool settings before release",
                            "(https://deploys.example");
            if (PostmortemPdf.hasFont()) {
                assertThat(text).contains("Key events are marked with ★", "TRIGGERED → ACKNOWLEDGED");
            }
            // the timeline starts a page (print stylesheet)
            PDFTextStripper page = new PDFTextStripper();
            int timelinePage = 0;
            for (int p = 1; p <= doc.getNumberOfPages() && timelinePage == 0; p++) {
                page.setStartPage(p);
                page.setEndPage(p);
                timelinePage = page.getText(doc).strip().startsWith("Timeline") ? p : 0;
            }
            assertThat(timelinePage).isGreaterThan(1);
            // the chart is drawn: the HighErrorRate series (#009e73) shows on a page before the timeline
            boolean chart = false;
            PDFRenderer renderer = new PDFRenderer(doc);
            for (int p = 0; p < timelinePage - 1 && !chart; p++) {
                chart = hasStrongGreen(renderer.renderImageWithDPI(p, 36));
            }
            assertThat(chart).as("chart drawn before the timeline").isTrue();
        }
    }

    private static boolean hasStrongGreen(BufferedImage image) {
        int found = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = rgb >> 16 & 0xff;
                int g = rgb >> 8 & 0xff;
                int b = rgb & 0xff;
                if (g > r + 80 && g > b + 20) {
                    found++;
                }
            }
        }
        return found > 50;
    }
}
