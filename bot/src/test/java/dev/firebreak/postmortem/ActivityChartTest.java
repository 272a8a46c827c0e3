package dev.firebreak.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

class ActivityChartTest {

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    static List<double[]> points(Document doc) {
        Element line = (Element) doc.getElementsByTagName("polyline").item(0);
        List<double[]> pts = new ArrayList<>();
        for (String p : line.getAttribute("points").trim().split(" ")) {
            String[] xy = p.split(",");
            pts.add(new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])});
        }
        return pts;
    }

    static List<Element> elements(Document doc, String tag, String cssClass) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = doc.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (cssClass == null || List.of(e.getAttribute("class").split(" ")).contains(cssClass)) {
                out.add(e);
            }
        }
        return out;
    }

    static List<String> milestones(Document doc) {
        List<String> out = new ArrayList<>();
        for (Element g : elements(doc, "g", "milestone")) {
            out.add(g.getAttribute("data-milestone") + " "
                    + g.getElementsByTagName("text").item(0).getTextContent());
            assertThat(g.getElementsByTagName("line").getLength()).isEqualTo(1);
        }
        return out;
    }

    @Test
    void stepLineHasTwoPointsPerChangeAndMilestonesAreMarked() throws Exception {
        Document doc = parse(ActivityChart.svg(PostmortemFixtures.resolved()));
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
        // 3 alerts: starts 04:52:30, 04:53:00, 04:55:00; ends 05:12:00, 05:14:30, 05:20:00 -> 6 changes
        List<double[]> pts = points(doc);
        assertThat(pts).hasSize(1 + 6 * 2 + 1);
        double baseline = pts.get(0)[1];
        double[] counts = pts.stream().mapToDouble(p -> p[1]).distinct().toArray();
        assertThat(counts).hasSize(4); // 0, 1, 2, 3 alerts
        assertThat(pts.get(pts.size() - 1)[1]).isEqualTo(baseline); // all resolved at the end
        assertThat(pts).isSortedAccordingTo((a, b) -> Double.compare(a[0], b[0]));
        assertThat(milestones(doc))
                .containsExactlyInAnyOrder(
                        "detected Detected 04:52:30",
                        "opened Opened 04:53:02",
                        "acknowledged Acknowledged 04:57:14",
                        "mitigated Mitigated 05:10:00",
                        "resolved Resolved 05:31:45");
        assertThat(elements(doc, "g", "axis-break")).isEmpty();
    }

    @Test
    void missingMilestonesAreLeftOutAndTextIsEscaped() throws Exception {
        PostmortemInput base = PostmortemFixtures.resolved();
        PostmortemInput.Incident i = base.incident();
        PostmortemInput.Incident open = new PostmortemInput.Incident(
                i.number(),
                "<script>&\"' \u0001</script>",
                null,
                i.severity(),
                "TRIGGERED",
                i.source(),
                i.detectedAt(),
                i.openedAt(),
                null,
                null,
                null,
                null,
                null,
                null,
                Map.of(),
                0,
                null);
        String svg = ActivityChart.svg(new PostmortemInput(open, List.of(), List.of(), base.generatedAt()));
        Document doc = parse(svg);
        assertThat(doc.getElementsByTagName("script").getLength()).isZero();
        assertThat(doc.getElementsByTagName("title").item(0).getTextContent()).contains("<script>&\"' </script>");
        assertThat(points(doc)).hasSize(2);
        assertThat(milestones(doc)).extracting(m -> m.split(" ")[0]).containsExactlyInAnyOrder("detected", "opened");
        // an open incident: the last phase runs to the draft's time
        assertThat(elements(doc, "rect", "phase"))
                .extracting(e -> e.getAttribute("data-phase"))
                .containsExactly("open");
        assertThat(svg).contains("Opened → now");
    }

    @Test
    void longGapBreaksTheAxisAndGivesTheRealDetectionTime() throws Exception {
        Document doc = parse(ActivityChart.svg(PostmortemFixtures.realistic()));
        List<Element> breaks = elements(doc, "g", "axis-break");
        assertThat(breaks).hasSize(1);
        assertThat(breaks.get(0).getAttribute("data-skipped"))
                .isEqualTo("2d 19h 37m 45s"); // 11-25 09:14 to 11-28 04:51:45
        String notes = String.join(
                " ",
                elements(doc, "text", "note").stream()
                        .map(Element::getTextContent)
                        .toList());
        assertThat(notes)
                .contains(
                        "Detected (first alert) 2026-11-25 09:14:00 UTC, 2d 19h 39m 2s before the incident was opened.");
        assertThat(milestones(doc)).contains("detected Detected 11-25 09:14:00", "resolved Resolved 05:31:45");
        // the incident's hour gets most of the width: opened to resolved spans over 500 of 800 px
        assertThat(lineX(doc, "resolved") - lineX(doc, "opened")).isGreaterThan(500);
        // the break lies between the old alert and the incident's first alert
        double breakX = Double.parseDouble(
                ((Element) breaks.get(0).getElementsByTagName("rect").item(0)).getAttribute("x"));
        assertThat(lineX(doc, "detected")).isLessThan(breakX);
        assertThat(lineX(doc, "opened")).isGreaterThan(breakX);
        assertThat(doc.getElementsByTagName("desc").item(0).getTextContent())
                .contains("Axis break", "2026-11-25 09:14:00 UTC");
    }

    @Test
    void severalAlertnamesAreStackedAndPhasesShaded() throws Exception {
        Document doc = parse(ActivityChart.svg(PostmortemFixtures.realistic()));
        assertThat(elements(doc, "path", "series")).hasSize(4);
        String legend = elements(doc, "g", "legend").get(0).getTextContent();
        assertThat(legend)
                .contains(
                        "DiskSpaceLow (1 alert)",
                        "HighLatencyP99 (2 alerts)",
                        "HighErrorRate (3 alerts)",
                        "PodCrashLooping (1 alert)",
                        "Opened → acknowledged",
                        "Acknowledged → mitigated",
                        "Mitigated → resolved");
        // the total is 7 at the peak (3 + 2 + 1 + the old alert)
        assertThat(doc.getElementsByTagName("desc").item(0).getTextContent()).contains("at most 7 at once");
        List<Element> phases = elements(doc, "rect", "phase");
        assertThat(phases)
                .extracting(e -> e.getAttribute("data-phase"))
                .containsExactly("open", "acknowledged", "mitigated");
        // each phase starts at its milestone's line and ends where the next begins
        assertThat(attr(phases.get(1), "x"))
                .isCloseTo(lineX(doc, "acknowledged"), org.assertj.core.data.Offset.offset(0.11));
        assertThat(attr(phases.get(2), "x"))
                .isCloseTo(lineX(doc, "mitigated"), org.assertj.core.data.Offset.offset(0.11));
        assertThat(attr(phases.get(2), "x") + attr(phases.get(2), "width"))
                .isCloseTo(lineX(doc, "resolved"), org.assertj.core.data.Offset.offset(0.21));
    }

    @Test
    void plainSvgWithATextAlternativeAndDarkModeColours() throws Exception {
        String svg = ActivityChart.svg(PostmortemFixtures.realistic());
        Document doc = parse(svg);
        Element root = doc.getDocumentElement();
        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(root.getAttribute("aria-labelledby")).isEqualTo("chart-title chart-desc");
        assertThat(doc.getElementsByTagName("title").item(0).getTextContent()).isNotBlank();
        assertThat(doc.getElementsByTagName("desc").item(0).getTextContent())
                .startsWith("Alerts firing over time, stacked by alertname");
        for (String tag : List.of("script", "foreignObject", "image", "a", "use", "iframe")) {
            assertThat(doc.getElementsByTagName(tag).getLength()).as(tag).isZero();
        }
        NodeList all = doc.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            NamedNodeMap attrs = all.item(i).getAttributes();
            for (int k = 0; k < attrs.getLength(); k++) {
                String name = attrs.item(k).getNodeName();
                assertThat(name).doesNotStartWith("on").doesNotContain("href");
                assertThat(attrs.item(k).getNodeValue()).doesNotContain("url(").doesNotContain("javascript:");
            }
        }
        assertThat(svg).contains("@media (prefers-color-scheme: dark)");
    }

    static double attr(Element e, String name) {
        return Double.parseDouble(e.getAttribute(name));
    }

    static double lineX(Document doc, String milestone) {
        for (Element g : elements(doc, "g", "milestone")) {
            if (milestone.equals(g.getAttribute("data-milestone"))) {
                return attr((Element) g.getElementsByTagName("line").item(0), "x1");
            }
        }
        throw new AssertionError("no milestone " + milestone);
    }
}
