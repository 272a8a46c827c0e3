package dev.firebreak.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/** The console's trend charts: strict-CSP friendly, escaped, gaps for empty weeks, whole-number count ticks. */
class TrendChartTest {

    static final List<String> WEEKS = List.of("11-02", "11-09", "11-16");

    @Test
    void linesSkipEmptyPeriodsAndTextIsEscapedWithoutInlineStyle() {
        String svg = TrendChart.svg(
                "MTTR <script>alert(1)</script>",
                WEEKS,
                List.of(
                        new TrendChart.Series("svc</text><script>", Arrays.asList(60.0, null, 120.0)),
                        new TrendChart.Series("SEV1", Arrays.asList(null, null, 30.0))),
                false,
                v -> Math.round(v) + "s");
        Document doc = Jsoup.parse(svg, "", Parser.xmlParser());
        assertThat(doc.select("script")).isEmpty();
        assertThat(doc.select("style")).isEmpty();
        assertThat(doc.select("[style]")).isEmpty();
        assertThat(doc.selectFirst("title").text()).isEqualTo("MTTR <script>alert(1)</script>");
        assertThat(doc.select("circle")).hasSize(3);
        assertThat(doc.select("path").first().attr("d"))
                .as("a gap starts a new line")
                .contains("M")
                .doesNotContain("L");
        assertThat(doc.selectFirst("desc").text()).contains("11-09 none", "11-16 120s");
        assertThat(doc.select("text").eachText()).contains("svc</text><script>", "SEV1");
    }

    @Test
    void countBarsHaveWholeNumberTicks() {
        String svg = TrendChart.svg(
                "Incidents per week",
                WEEKS,
                List.of(new TrendChart.Series("incidents", List.of(1.0, 0.0, 3.0))),
                true,
                v -> Long.toString(Math.round(v)));
        Document doc = Jsoup.parse(svg, "", Parser.xmlParser());
        assertThat(doc.select("rect")).hasSize(2);
        assertThat(doc.select("text.muted").eachText()).contains("0", "1", "2", "3", "4");
    }
}
