package dev.firebreak.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostmortemMetricsTest {

    @Test
    void metricsFromDetectionAndOpening() {
        List<PostmortemModel.Metric> m = PostmortemModels.metrics(PostmortemFixtures.incident(
                PostmortemFixtures.ACKNOWLEDGED, PostmortemFixtures.MITIGATED, PostmortemFixtures.RESOLVED));
        assertThat(m)
                .containsExactly(
                        new PostmortemModel.Metric(
                                "Time to acknowledge", "2026-11-28 04:57:14 UTC", "4m 44s", "4m 12s"),
                        new PostmortemModel.Metric("Time to mitigate", "2026-11-28 05:10:00 UTC", "17m 30s", "16m 58s"),
                        new PostmortemModel.Metric("Time to resolve", "2026-11-28 05:31:45 UTC", "39m 15s", "38m 43s"));
    }

    @Test
    void missingMilestonesAreNotAvailable() {
        List<PostmortemModel.Metric> m = PostmortemModels.metrics(
                PostmortemFixtures.incident(PostmortemFixtures.ACKNOWLEDGED, null, PostmortemFixtures.RESOLVED));
        assertThat(m.get(1)).isEqualTo(new PostmortemModel.Metric("Time to mitigate", "n/a", "n/a", "n/a"));
        assertThat(m.get(2).fromOpening()).isEqualTo("38m 43s");
        m = PostmortemModels.metrics(PostmortemFixtures.incident(null, null, null));
        assertThat(m).allSatisfy(x -> assertThat(x.fromDetection()).isEqualTo("n/a"));
    }

    @Test
    void durationFormat() {
        assertThat(Durations.format(Duration.ofSeconds(0))).isEqualTo("0s");
        assertThat(Durations.format(Duration.ofSeconds(59))).isEqualTo("59s");
        assertThat(Durations.format(Duration.ofSeconds(252))).isEqualTo("4m 12s");
        assertThat(Durations.format(Duration.ofSeconds(3600 + 5))).isEqualTo("1h 0m 5s");
        assertThat(Durations.format(Duration.ofSeconds(90_061))).isEqualTo("1d 1h 1m 1s");
        assertThat(Durations.format(Duration.ofSeconds(-5))).isEqualTo("0s");
        assertThat(Durations.utc(PostmortemFixtures.ACKNOWLEDGED)).isEqualTo("2026-11-28 04:57:14 UTC");
    }
}
