package dev.firebreak.runbooks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog passes {@code runbook lint} and {@code runbook test}: this is how CI proves it. */
class RunbookCliTest {

    static final Path LIBRARY = Path.of("library");

    record Run(int exit, String out, String err) {}

    static Run cli(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = RunbookCli.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theCatalogLintsClean() {
        Run r = cli("runbook", "lint", LIBRARY.toString());
        assertThat(r.out()).contains("6 runbook file(s), 0 finding(s)");
        assertThat(r.exit()).isZero();
    }

    @Test
    void theCatalogPassesItsFixtureCases() {
        Run r = cli("runbook", "test", LIBRARY.toString());
        assertThat(r.out()).doesNotContain("FAIL").contains(" passed, 0 failed");
        assertThat(r.exit()).isZero();
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(cli("runbook").exit()).isEqualTo(2);
        assertThat(cli("runbook", "frobnicate", "x").exit()).isEqualTo(2);
        assertThat(cli("runbook", "lint", "/no/such/folder").exit()).isEqualTo(2);
    }

    @Test
    void lintPrintsFindingsWithPositionsAndExitsOne(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("bad.yml"), """
                id: bad
                title: Bad
                steps:
                  - id: a
                    type: kubernetes.scale
                    with: {namespace: '{{ inputs.ns }}', deployment: web, replicas: 2, colour: red}
                  - id: b
                    type: shell
                    when: 'steps.c.status == "succeeded"'
                """);
        Run r = cli("lint", dir.toString());
        String file = dir.resolve("bad.yml").toString();
        assertThat(r.out())
                .contains(
                        file + ":6:23: '{{ inputs.ns }}': undefined input 'ns' (declared: )",
                        file
                                + ":6:80: unknown key with.colour for kubernetes.scale (known: deployment, max, namespace, replicas)",
                        file + ":8:11: unknown step type 'shell'",
                        file + ":9:11: CEL refers to no step 'c'");
        assertThat(r.exit()).isEqualTo(1);
    }

    @Test
    void aCaseWhoseExpectationsDoNotHoldFails(@TempDir Path dir) throws IOException {
        Files.copy(LIBRARY.resolve("node-not-ready.yml"), dir.resolve("node-not-ready.yml"));
        Files.writeString(dir.resolve("node-not-ready.test.yml"), """
                cases:
                  - name: expects a change that is not made
                    alerts:
                      - labels: {alertname: KubeNodeNotReady, node: worker-7}
                    kubernetes:
                      - apiVersion: v1
                        kind: Node
                        metadata: {name: worker-7}
                        status: {conditions: [{type: Ready, status: "True"}]}
                    expect:
                      status: succeeded
                      steps: {cordon: planned}
                """);
        Run r = cli("test", dir.toString());
        assertThat(r.out())
                .contains(
                        "FAIL node-not-ready: expects a change that is not made",
                        "step cordon: expected planned, got not run",
                        "0 passed, 1 failed");
        assertThat(r.exit()).isEqualTo(1);
    }

    @Test
    void aRunbookWithoutFixturesFailsTheTest(@TempDir Path dir) throws IOException {
        Files.copy(LIBRARY.resolve("node-not-ready.yml"), dir.resolve("node-not-ready.yml"));
        Run r = cli("test", dir.toString());
        assertThat(r.out()).contains("no fixture cases (node-not-ready.test.yml beside it)");
        assertThat(r.exit()).isEqualTo(1);
    }
}
