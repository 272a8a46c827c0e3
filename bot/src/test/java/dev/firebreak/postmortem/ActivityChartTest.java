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

        NodeList groups = doc.getElementsByTagName("g");
        List<String> milestones = new ArrayList<>();
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if ("milestone".equals(g.getAttribute("class"))) {
                milestones.add(g.getAttribute("data-milestone") + " " + g.getElementsByTagName("text").item(0).getTextContent());
                assertThat(g.getElementsByTagName("line").getLength()).isEqualTo(1);
            }
        }
        assertThat(milestones).containsExactly("detected Detected 04:52:30", "acknowledged Acknowledged 04:57:14",
                "mitigated Mitigated 05:10:00", "resolved Resolved 05:31:45");
    }

    @Test
    void missingMilestonesAreLeftOutAndTextIsEscaped() throws Exception {
        PostmortemInput base = PostmortemFixtures.resolved();
        PostmortemInput.Incident i = base.incident();
        PostmortemInput.Incident open = new PostmortemInput.Incident(i.number(), "<script>&\"' \u0001</script>", null,
                i.severity(), "TRIGGERED", i.source(), i.detectedAt(), i.openedAt(), null, null, null, null, null, null,
                Map.of(), 0, null);
        String svg = ActivityChart.svg(new PostmortemInput(open, List.of(), List.of(), base.generatedAt()));
        Document doc = parse(svg);
        assertThat(doc.getElementsByTagName("script").getLength()).isZero();
        assertThat(doc.getElementsByTagName("title").item(0).getTextContent()).contains("<script>&\"' </script>");
        assertThat(points(doc)).hasSize(2);
        int milestones = 0;
        NodeList groups = doc.getElementsByTagName("g");
        for (int k = 0; k < groups.getLength(); k++) {
            milestones += "milestone".equals(((Element) groups.item(k)).getAttribute("class")) ? 1 : 0;
        }
        assertThat(milestones).isEqualTo(1);
    }
}
