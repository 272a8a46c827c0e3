package dev.firebreak.runbooks.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpressionsTest {

    @Test
    void evaluatesConditionsOverPlainData() {
        Map<String, Object> vars = Map.of(
                "alert", Map.of("labels", Map.of("alertname", "HighErrorRate", "severity", "critical")),
                "steps", Map.of("ratio", Map.of("outputs", Map.of("value", 0.2, "count", 3))),
                "result", Map.of("items", List.of(Map.of("kind", "ReplicaSet", "name", "rs-1"))));
        assertThat(Expressions.test(
                        "alert.labels.alertname == 'HighErrorRate' && alert.labels.severity in ['critical']", vars))
                .isTrue();
        assertThat(Expressions.test("steps.ratio.outputs.value > 0.05 && steps.ratio.outputs.count == 3", vars))
                .isTrue();
        assertThat(Expressions.eval("result.items.filter(i, i.kind == 'ReplicaSet')[0].name", vars))
                .isEqualTo("rs-1");
    }

    @Test
    void compileErrorsAreReported() {
        assertThat(Expressions.compileError("alert.labels.x ==")).contains("CEL does not compile");
        assertThat(Expressions.compileError("nope.x == 1")).contains("CEL does not compile");
        assertThat(Expressions.compileError("inputs.a == 'b'")).isNull();
    }

    @Test
    void aMissingKeyIsAnErrorAndANonBooleanConditionToo() {
        assertThatThrownBy(() ->
                        Expressions.test("alert.labels.missing == 'x'", Map.of("alert", Map.of("labels", Map.of()))))
                .hasMessageContaining("failed");
        assertThatThrownBy(() -> Expressions.test("1 + 1", Map.of())).hasMessageContaining("must be true or false");
    }
}
