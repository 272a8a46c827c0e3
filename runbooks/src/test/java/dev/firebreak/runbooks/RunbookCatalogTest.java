package dev.firebreak.runbooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.runbooks.steps.StepTypes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunbookCatalogTest {

    static IncidentContext.Alert alert(String fp, String name, String status) {
        return new IncidentContext.Alert(
                fp,
                status,
                Map.of("alertname", name, "namespace", "shop"),
                Map.of(),
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void loadsTheLibraryAndMatchesTriggersWithOncePerKeys() {
        RunbookCatalog catalog = RunbookCatalog.load(List.of(Path.of("library")), StepTypes.standard());
        assertThat(catalog.findings()).isEmpty();
        assertThat(catalog.runbooks()).hasSize(6);
        var incident = new IncidentContext(
                "INC-9",
                "t",
                "critical",
                "open",
                "",
                Map.of(),
                List.of(
                        alert("fp1", "NodeFilesystemSpaceFillingUp", "firing"),
                        alert("fp2", "NodeFilesystemSpaceFillingUp", "firing"),
                        alert("fp3", "KubePodCrashLooping", "firing")));
        var matches = catalog.matching(incident);
        assertThat(matches)
                .extracting(TriggerMatch::onceKey)
                .containsExactlyInAnyOrder(
                        "crash-looping-pod:incident:INC-9",
                        "disk-filling-up:fingerprint:fp1",
                        "disk-filling-up:fingerprint:fp2");
        assertThat(matches)
                .filteredOn(m -> m.runbook().id().equals("disk-filling-up"))
                .allMatch(TriggerMatch::auto);
        assertThat(catalog.matchingRunbooks(incident))
                .extracting(r -> r.id())
                .containsExactly("crash-looping-pod", "disk-filling-up");
        var resolved = new IncidentContext(
                "INC-9",
                "t",
                "critical",
                "open",
                "",
                Map.of(),
                List.of(alert("fp3", "KubePodCrashLooping", "resolved")));
        assertThat(catalog.matching(resolved)).isEmpty();
    }

    @Test
    void aBrokenFileIsLeftOutWithItsFindingsAndDoesNotHideTheOthers(@TempDir Path dir) throws IOException {
        Files.copy(Path.of("library", "node-not-ready.yml"), dir.resolve("node-not-ready.yml"));
        Files.writeString(dir.resolve("broken.yml"), "id: broken\ntitle: B\nsteps:\n  - {id: a, type: nope}\n");
        Files.createDirectories(dir.resolve("tests"));
        Files.writeString(dir.resolve("tests").resolve("ignored.yml"), "not: a runbook\n");
        RunbookCatalog catalog = RunbookCatalog.load(List.of(dir), StepTypes.standard());
        assertThat(catalog.runbooks()).extracting(r -> r.id()).containsExactly("node-not-ready");
        assertThat(catalog.findings())
                .singleElement()
                .satisfies(f -> assertThat(f.format())
                        .startsWith(dir.resolve("broken.yml") + ":4:19: unknown step type 'nope'"));
    }
}
