package dev.firebreak.slack.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.incident.IncidentGroup.State;
import dev.firebreak.incident.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StormCardTest {

    @Test
    void firingGroupsFirstWorstFirstWithCountsTopLabelsAndSplits() {
        String text = StormCard.text(List.of(
                new StormCard.Group(
                        1, "Pods down", Severity.SEV3, State.RESOLVED, 0, 4, Map.of("cluster", "eu-1"), null),
                new StormCard.Group(2, "Disk full", Severity.SEV3, State.FIRING, 2, 3, Map.of("cluster", "eu-1"), null),
                new StormCard.Group(
                        3, "Errors", Severity.SEV2, State.FIRING, 5, 5, Map.of("cluster", "eu-1", "team", "web"), null),
                new StormCard.Group(4, "Latency", Severity.SEV3, State.SPLIT, 1, 1, Map.of("team", "web"), "INC-9")));
        assertThat(text)
                .startsWith(
                        ":thunder_cloud_and_rain: *Alert storm:* 4 alert groups · 2 firing · 1 resolved · 1 split out\n"
                                + "*Top labels:* cluster=eu-1 (3), team=web (2)\n"
                                + ":red_circle: *#3* Errors — SEV2, 5/5 firing\n"
                                + ":red_circle: *#2* Disk full — SEV3, 2/3 firing\n"
                                + ":large_green_circle: *#1* Pods down — SEV3, 0/4 firing\n"
                                + ":arrow_right: *#4* Latency — SEV3, split out into INC-9\n");
    }

    @Test
    void untrustedTextIsEscapedAndLongListsAreCut() {
        List<StormCard.Group> groups = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            groups.add(new StormCard.Group(
                    i,
                    "<!channel> " + "x".repeat(300),
                    Severity.SEV4,
                    State.FIRING,
                    1,
                    1,
                    Map.of("team", "<@U123>"),
                    null));
        }
        String text = StormCard.text(groups);
        assertThat(text)
                .doesNotContain("<!channel>", "<@U123>")
                .contains(
                        "&lt;!channel&gt;",
                        "team=&lt;@U123&gt; (40)",
                        "_+25 more groups_",
                        "`/incident split &lt;#&gt;`");
        assertThat(text.length()).isLessThanOrEqualTo(SlackText.SECTION_TEXT);
    }
}
