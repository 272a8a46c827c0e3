package dev.firebreak.postmortem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebreak.postmortem.PostmortemInput.Entry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostmortemTemplateTest {

    @Test
    void aTemplateFileReplacesTheDefaultAndStillEscapes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("team.md.mustache");
        Files.writeString(
                file, "# {{reference}}: {{title}}\n{{#actionItems}}- [ ] {{text}} ({{owner}})\n{{/actionItems}}");
        PostmortemInput base = PostmortemFixtures.resolved();
        PostmortemInput.Incident i = base.incident();
        PostmortemInput.Incident evil = new PostmortemInput.Incident(
                i.number(),
                "<img src=x> [x](javascript:y)",
                null,
                i.severity(),
                i.status(),
                i.source(),
                i.detectedAt(),
                i.openedAt(),
                i.acknowledgedAt(),
                i.mitigatedAt(),
                i.resolvedAt(),
                null,
                null,
                null,
                i.labels(),
                0,
                null);
        String md = PostmortemRenderer.fromFile(file)
                .markdown(new PostmortemInput(evil, base.alerts(), base.timeline(), base.generatedAt()), null);
        assertThat(md)
                .isEqualTo("# INC-12: \\<img src=x\\> \\[x\\](javascript:y)\n"
                        + "- [ ] Add a canary stage to the checkout pipeline (@carol)\n"
                        + "- [ ] Alert on error budget burn (unassigned)\n");
    }

    @Test
    void aBrokenTemplateIsRejectedAtStart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.mustache");
        Files.writeString(file, "{{#timeline}} never closed");
        assertThatThrownBy(() -> PostmortemRenderer.fromFile(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid post-mortem template");
    }

    @Test
    void runbookStepsAreListedAndSupersededEntriesLeftOut() {
        PostmortemInput base = PostmortemFixtures.resolved();
        List<Entry> timeline = new ArrayList<>(base.timeline());
        timeline.add(new Entry(
                50,
                Instant.parse("2026-11-28T05:05:00Z"),
                "runbook.step",
                "firebreak",
                null,
                "Restarted checkout pods (kubectl rollout restart)",
                null,
                null,
                false,
                null));
        String md = PostmortemRenderer.withDefaultTemplate()
                .markdown(new PostmortemInput(base.incident(), base.alerts(), timeline, base.generatedAt()), null);
        assertThat(md)
                .contains("- 2026-11-28 05:05:00 UTC firebreak: Restarted checkout pods (kubectl rollout restart)")
                .doesNotContain("No runbooks were executed.")
                .doesNotContain("went out at 04:48") // superseded by the correction
                .contains("(correction) Deploy 2.14 went out at 04:49")
                .doesNotContain("![Alert activity]");
    }

    @Test
    void chartUrlIsRelativeOrAbsoluteWithABaseUrl() {
        PostmortemSettings none = new PostmortemSettings(null, null, true, null);
        assertThat(none.apiChartUrl("INC-12")).isEqualTo("postmortem/activity.svg");
        assertThat(none.absoluteChartUrl("INC-12")).isNull();
        PostmortemSettings base = new PostmortemSettings(null, "https://firebreak.example.com/", true, null);
        assertThat(base.apiChartUrl("INC-12"))
                .isEqualTo("https://firebreak.example.com/api/incidents/INC-12/postmortem/activity.svg");
    }

    @Test
    void fileStemIsTheReferenceAndAnAsciiSlug() {
        PostmortemInput.Incident i = PostmortemFixtures.resolved().incident();
        assertThat(PostmortemDrafts.fileStem(i)).isEqualTo("INC-12-checkout-api-5xx-spike");
        PostmortemInput.Incident odd = new PostmortemInput.Incident(
                7,
                "Ünïcode ../../etc/passwd ✓",
                null,
                "SEV1",
                "RESOLVED",
                "api",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                0,
                null);
        assertThat(PostmortemDrafts.fileStem(odd)).isEqualTo("INC-7-unicode-etc-passwd");
    }
}
