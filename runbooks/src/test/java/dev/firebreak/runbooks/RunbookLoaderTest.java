package dev.firebreak.runbooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunbookLoaderTest {

    private static Runbook parse(String yaml) {
        return RunbookLoader.parse("test.yml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theShippedLibraryLoadsAndMatchesByLabels() {
        List<Runbook> library = RunbookLoader.loadDirectory(Path.of("library"));
        assertThat(library).extracting(Runbook::id).contains("checkout-high-error-rate");
        Runbook rb = library.stream().filter(r -> r.id().equals("checkout-high-error-rate")).findFirst().orElseThrow();
        assertThat(rb.steps()).extracting(RunbookStep::type)
                .containsExactly("prometheus.query", "kubernetes.pods", "kubernetes.rollout-restart", "slack.message");
        assertThat(rb.steps().get(2).approvalRequired()).isTrue();
        assertThat(rb.matches(Map.of("alertname", "HighErrorRate", "service", "checkout", "pod", "x"))).isTrue();
        assertThat(rb.matches(Map.of("alertname", "HighErrorRate", "service", "cart"))).isFalse();
    }

    @Test
    void refusesUnknownStepTypesAndMissingParameters() {
        assertThatThrownBy(() -> parse("id: a\ntitle: A\nsteps:\n  - id: s\n    type: shell.exec\n"))
                .isInstanceOf(RunbookException.class).hasMessageContaining("unknown type shell.exec");
        assertThatThrownBy(() -> parse("id: a\ntitle: A\nsteps:\n  - id: s\n    type: kubernetes.scale\n    with: {namespace: x}\n"))
                .hasMessageContaining("needs with.");
        assertThatThrownBy(() -> parse("id: a\ntitle: A\nsteps:\n  - {id: s, type: slack.message, with: {text: x}}\n  - {id: s, type: slack.message, with: {text: y}}\n"))
                .hasMessageContaining("duplicate step id s");
    }

    @Test
    void refusesMalformedDocuments() {
        assertThatThrownBy(() -> parse("- just\n- a list\n")).hasMessageContaining("mapping");
        assertThatThrownBy(() -> parse("id: a\ntitle: A\nsteps: []\n")).hasMessageContaining("non-empty");
        assertThatThrownBy(() -> parse("id: Not Valid\ntitle: A\nsteps: [{id: s, type: slack.message, with: {text: x}}]\n"))
                .hasMessageContaining("lowercase");
        assertThatThrownBy(() -> parse("id: a\ntitle: [unclosed\n")).hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> parse("id: a\ntitle: A\nsteps: [{id: s, type: slack.message, with: {text: x}}]\nx: !!java.io.File /etc\n"))
                .isInstanceOf(RunbookException.class);
    }
}
