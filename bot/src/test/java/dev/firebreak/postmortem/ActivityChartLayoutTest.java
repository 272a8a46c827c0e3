package dev.firebreak.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.incident.IncidentAlerts.AlertFact;
import dev.firebreak.postmortem.PostmortemInput.Incident;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Geometry of the chart's text, for ordinary and awkward incidents: each text box, estimated from its font size
 * and length (0.62 em a character, a generous sans-serif average; 0.8 em above the baseline, 0.25 em below),
 * lies inside the viewBox, and no two boxes overlap, milestone labels least of all.
 */
class ActivityChartLayoutTest {

    static final double EM_PER_CHAR = 0.62;

    record Box(String text, double left, double top, double right, double bottom, boolean milestone) {
        boolean overlaps(Box o) {
            return left < o.right && o.left < right && top < o.bottom && o.top < bottom;
        }
    }

    static Map<String, PostmortemInput> cases() {
        Map<String, PostmortemInput> cases = new LinkedHashMap<>();
        cases.put("short incident", PostmortemFixtures.resolved());
        cases.put("realistic incident with an old alert", PostmortemFixtures.realistic());
        PostmortemInput base = PostmortemFixtures.resolved();
        Instant end = PostmortemFixtures.RESOLVED;
        // acknowledged, mitigated and resolved within seconds at the right edge, under a very long title
        cases.put(
                "crowded right edge",
                with(
                        base,
                        "Checkout ".repeat(30),
                        PostmortemFixtures.DETECTED,
                        PostmortemFixtures.DETECTED,
                        end.minusSeconds(4),
                        end.minusSeconds(2),
                        end,
                        base.alerts()));
        // every milestone at the same instant
        cases.put("all at once", with(base, "x", end, end, end, end, end, List.of()));
        // open, nothing but the opening
        cases.put("just opened", with(base, "Slow search", end, end, null, null, null, List.of()));
        // twelve alertnames with long names: legend wraps, six series and the rest summed
        List<AlertFact> many = new ArrayList<>();
        for (int k = 0; k < 12; k++) {
            many.add(PostmortemFixtures.alert(
                    "KubernetesPersistentVolumeFillingUpWithAVeryLongAlertName" + k,
                    "p" + k,
                    "resolved",
                    PostmortemFixtures.DETECTED.plusSeconds(k * 20L),
                    end.minusSeconds(k * 30L)));
        }
        cases.put(
                "many alertnames",
                with(
                        base,
                        "Many",
                        PostmortemFixtures.DETECTED,
                        PostmortemFixtures.OPENED,
                        PostmortemFixtures.ACKNOWLEDGED,
                        PostmortemFixtures.MITIGATED,
                        end,
                        many));
        // an alert from a week before, and an incident still open: break and "now"
        List<AlertFact> old = new ArrayList<>(base.alerts());
        old.add(PostmortemFixtures.alert(
                "Watchdog", "x", "firing", PostmortemFixtures.DETECTED.minusSeconds(7 * 86_400), null));
        cases.put(
                "week-old alert, still open",
                with(
                        base,
                        "Open",
                        PostmortemFixtures.DETECTED.minusSeconds(7 * 86_400),
                        PostmortemFixtures.OPENED,
                        PostmortemFixtures.ACKNOWLEDGED,
                        null,
                        null,
                        old));
        return cases;
    }

    static PostmortemInput with(
            PostmortemInput base,
            String title,
            Instant detected,
            Instant opened,
            Instant ack,
            Instant mitigated,
            Instant resolved,
            List<AlertFact> alerts) {
        Incident i = base.incident();
        Incident incident = new Incident(
                i.number(),
                title,
                null,
                i.severity(),
                resolved == null ? "ACKNOWLEDGED" : "RESOLVED",
                i.source(),
                detected,
                opened,
                ack,
                mitigated,
                resolved,
                null,
                null,
                null,
                i.labels(),
                0,
                null);
        return new PostmortemInput(incident, alerts, base.timeline(), base.generatedAt());
    }

    static List<String> caseNames() {
        return new ArrayList<>(cases().keySet());
    }

    static List<Box> boxes(Document doc) {
        Element root = doc.getDocumentElement();
        double rootSize = Double.parseDouble(root.getAttribute("font-size"));
        List<Box> boxes = new ArrayList<>();
        for (Element t : ActivityChartTest.elements(doc, "text", null)) {
            String text = t.getTextContent();
            double size = t.hasAttribute("font-size") ? Double.parseDouble(t.getAttribute("font-size")) : rootSize;
            double w = text.codePointCount(0, text.length()) * size * EM_PER_CHAR;
            double x = Double.parseDouble(t.getAttribute("x"));
            double y = Double.parseDouble(t.getAttribute("y"));
            double left = switch (t.getAttribute("text-anchor")) {
                case "end" -> x - w;
                case "middle" -> x - w / 2;
                default -> x;
            };
            boolean milestone = "milestone".equals(((Element) t.getParentNode()).getAttribute("class"));
            boxes.add(new Box(text, left, y - 0.8 * size, left + w, y + 0.25 * size, milestone));
        }
        return boxes;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("caseNames")
    void everyTextBoxIsInsideTheViewBox(String name) throws Exception {
        Document doc = ActivityChartTest.parse(ActivityChart.svg(cases().get(name)));
        String[] viewBox = doc.getDocumentElement().getAttribute("viewBox").split(" ");
        double width = Double.parseDouble(viewBox[2]);
        double height = Double.parseDouble(viewBox[3]);
        List<Box> boxes = boxes(doc);
        assertThat(boxes).isNotEmpty().allSatisfy(b -> {
            assertThat(b.left()).as("left of " + b.text()).isGreaterThanOrEqualTo(0);
            assertThat(b.top()).as("top of " + b.text()).isGreaterThanOrEqualTo(0);
            assertThat(b.right()).as("right of " + b.text()).isLessThanOrEqualTo(width);
            assertThat(b.bottom()).as("bottom of " + b.text()).isLessThanOrEqualTo(height);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("caseNames")
    void noTwoTextBoxesOverlapAndEveryMilestoneIsLabelled(String name) throws Exception {
        PostmortemInput input = cases().get(name);
        Document doc = ActivityChartTest.parse(ActivityChart.svg(input));
        List<Box> boxes = boxes(doc);
        for (int a = 0; a < boxes.size(); a++) {
            for (int b = a + 1; b < boxes.size(); b++) {
                assertThat(boxes.get(a).overlaps(boxes.get(b)))
                        .as(
                                "'%s' overlaps '%s'",
                                boxes.get(a).text(), boxes.get(b).text())
                        .isFalse();
            }
        }
        Incident i = input.incident();
        long expected = java.util.stream.Stream.of(
                        i.detectedAt(), i.openedAt(), i.acknowledgedAt(), i.mitigatedAt(), i.resolvedAt())
                .filter(java.util.Objects::nonNull)
                .count();
        assertThat(boxes.stream().filter(Box::milestone).count()).isEqualTo(expected);
    }
}
