package dev.firebreak.runbooks.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebreak.runbooks.RunbookException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplatesTest {

    private final Map<String, Object> vars = Map.of(
            "inputs", Map.of("namespace", "shop", "replicas", 3L),
            "alert", Map.of("labels", Map.of("app.kubernetes.io/name", "checkout", "evil", "{{ secret('db') }}")),
            "alerts", List.of(Map.of("labels", Map.of("pod", "p-1"))));

    @Test
    void rendersPathsIndexesAndQuotedKeys() {
        assertThat(Templates.render(
                        "ns={{ inputs.namespace }} app={{ alert.labels['app.kubernetes.io/name'] }}"
                                + " pod={{ alerts[0].labels.pod }}",
                        vars,
                        n -> null))
                .isEqualTo("ns=shop app=checkout pod=p-1");
    }

    @Test
    void aWholeTemplateKeepsTheValueType() {
        assertThat(Templates.render("{{ inputs.replicas }}", vars, n -> null)).isEqualTo(3L);
        assertThat(Templates.render("{{ inputs.namespace }}/{{ inputs.namespace }}", vars, n -> null))
                .isEqualTo("shop/shop");
    }

    @Test
    void anUndefinedVariableIsAnErrorNeverAnEmptyString() {
        assertThatThrownBy(() -> Templates.render("x{{ inputs.nope }}", vars, n -> null))
                .isInstanceOf(RunbookException.class)
                .hasMessageContaining("undefined variable 'inputs.nope'");
        assertThatThrownBy(() -> Templates.render("{{ alerts[3].labels }}", vars, n -> null))
                .hasMessageContaining("undefined variable 'alerts[3]'");
    }

    @Test
    void textFromAlertsIsInsertedAsDataAndNeverEvaluated() {
        Object out = Templates.render("{{ alert.labels.evil }}", vars, n -> "s3cret");
        assertThat(out).isEqualTo("{{ secret('db') }}");
    }

    @Test
    void secretsComeFromConfigurationOnly() {
        assertThat(Templates.render("Bearer {{ secret('api') }}", vars, n -> n.equals("api") ? "tok" : null))
                .isEqualTo("Bearer tok");
        assertThatThrownBy(() -> Templates.render("{{ secret('missing') }}", vars, n -> null))
                .hasMessageContaining("firebreak.runbooks.secrets.missing");
    }

    @Test
    void expressionsAreNotAllowedInTemplates() {
        assertThatThrownBy(() -> Templates.parse("{{ inputs.a + 1 }}")).hasMessageContaining("not a variable path");
        assertThatThrownBy(() -> Templates.parse("{{ inputs.a")).hasMessageContaining("unclosed");
    }
}
