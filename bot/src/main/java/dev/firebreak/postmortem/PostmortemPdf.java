package dev.firebreak.postmortem;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgExternalResourceMode;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgScriptMode;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The HTML draft as a PDF (openhtmltopdf on PDFBox; the chart drawn by Batik with scripts and external
 * resources off). Nothing outside the page is fetched: only {@code data:} URIs load. Text is set in DejaVu Sans
 * when the machine has it (Debian/Ubuntu {@code fonts-dejavu-core}, Alpine {@code font-dejavu}, RHEL
 * {@code dejavu-sans-fonts}), so that ★ and → print; otherwise in the PDF base fonts, which lack them.
 */
final class PostmortemPdf {

    static final String FONT = "DejaVu Sans";
    /** CSS pixels across the A4 text (210 mm less 2 × 14 mm margins, at 96 px an inch). */
    static final int CHART_WIDTH = 680;

    private static final List<String> FONT_DIRS = List.of(
            "/usr/share/fonts/truetype/dejavu",
            "/usr/share/fonts/dejavu",
            "/usr/share/fonts/TTF",
            "/usr/share/fonts/dejavu-sans-fonts");
    /** What the print stylesheet cannot say to openhtmltopdf (no media queries for {@code @page}). */
    static final String PDF_CSS = "@page { size: A4; margin: 16mm 14mm; }\n"
            + "main { display: block; }\n"
            + "body { font-family: \"" + FONT + "\", sans-serif; font-size: 9.5pt; }\n"
            + "pre, code { font-family: \"DejaVu Sans Mono\", monospace; }\n";

    private PostmortemPdf() {}

    static {
        XRLog.setLoggingEnabled(false); // its CSS warnings are about the screen rules it does not need
    }

    /**
     * @param xhtml a well-formed page from {@link PostmortemRenderer#html}
     * @param css   rules added to its style for the PDF only (the chart's size)
     */
    static synchronized byte[] render(String xhtml, String css) { // one at a time: a large draft's layout is big
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.withProducer("Firebreak");
        builder.useSVGDrawer(new BatikSVGDrawer(SvgScriptMode.SECURE, SvgExternalResourceMode.SECURE));
        builder.useExternalResourceAccessControl(
                (uri, type) -> uri != null && uri.startsWith("data:"),
                ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        builder.useExternalResourceAccessControl(
                (uri, type) -> uri != null && uri.startsWith("data:"),
                ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        useFont(builder, "DejaVuSans.ttf", FONT, 400, FontStyle.NORMAL);
        useFont(builder, "DejaVuSans-Bold.ttf", FONT, 700, FontStyle.NORMAL);
        useFont(builder, "DejaVuSans-Oblique.ttf", FONT, 400, FontStyle.ITALIC);
        useFont(builder, "DejaVuSansMono.ttf", "DejaVu Sans Mono", 400, FontStyle.NORMAL);
        builder.withHtmlContent(xhtml.replace("</style>", PDF_CSS + css + "</style>"), null);
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Post-mortem PDF could not be rendered", e);
        }
        return out.toByteArray();
    }

    /**
     * CSS that sizes the chart to the A4 text width (openhtmltopdf sizes an SVG image by its viewBox, not by
     * {@code max-width}), keeping its aspect ratio.
     */
    static String chartCss(String svg) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        if (!m.find()) {
            return "";
        }
        long height = Math.round(Long.parseLong(m.group(2)) * (double) CHART_WIDTH / Long.parseLong(m.group(1)));
        return "img { width: " + CHART_WIDTH + "px; height: " + height + "px; }\n";
    }

    /** Whether the machine has the font that prints ★ and →. */
    static boolean hasFont() {
        return font("DejaVuSans.ttf") != null;
    }

    private static void useFont(PdfRendererBuilder builder, String file, String family, int weight, FontStyle style) {
        File f = font(file);
        if (f != null) {
            builder.useFont(f, family, weight, style, true);
        }
    }

    private static File font(String file) {
        for (String dir : FONT_DIRS) {
            File f = new File(dir, file);
            if (f.canRead()) {
                return f;
            }
        }
        return null;
    }
}
