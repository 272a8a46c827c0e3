package dev.firebreak.runbooks.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.runbooks.IncidentContext;
import dev.firebreak.runbooks.lang.RunbookParser;
import dev.firebreak.runbooks.model.Runbook;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RunStarterTest {

    static final Runbook RB = RunbookParser.parse("t.yml", """
            id: t
            title: T
            inputs:
              namespace: {default: '{{ alert.labels.namespace }}'}
              deployment: {default: '{{ alert.labels.deployment }}', pattern: '[a-z0-9-]+'}
              replicas: {type: int, default: '2'}
              window: {type: duration, default: 5m}
              mode: {type: enum, values: [fast, slow], default: fast}
            policy:
              concurrency: {key: '{{ inputs.namespace }}/{{ inputs.deployment }}'}
              run-by: [U1, '@sre']
            steps:
              - {id: a, type: end}
            """).runbook();

    static IncidentContext incident(Map<String, String> labels) {
        return new IncidentContext(
                "INC-1",
                "t",
                "critical",
                "open",
                "",
                Map.of(),
                List.of(new IncidentContext.Alert("fp", "firing", labels, Map.of(), null)));
    }

    @Test
    void resolvesTypedInputsFromTheIncidentAndRendersTheConcurrencyKey() {
        var p = RunStarter.prepare(
                RB,
                incident(Map.of("namespace", "shop", "deployment", "web")),
                Map.of("replicas", "4"),
                "U1",
                Set.of());
        assertThat(p.ok()).isTrue();
        assertThat(p.inputs())
                .containsEntry("namespace", "shop")
                .containsEntry("replicas", 4L)
                .containsEntry("window", "5m")
                .containsEntry("mode", "fast");
        assertThat(p.concurrencyKey()).isEqualTo("t:shop/web");
    }

    @ParameterizedTest
    @ValueSource(strings = {"shop;rm", "$(id)", "`id`", "shop prod", "../etc", "-n"})
    void refusesInjectionTextFromAlerts(String hostile) {
        var p = RunStarter.prepare(
                RB, incident(Map.of("namespace", hostile, "deployment", "web")), Map.of(), "U1", Set.of());
        assertThat(p.ok()).isFalse();
        assertThat(p.refusalMessage())
                .startsWith("input 'namespace' (from the incident) is refused")
                .doesNotContain(hostile);
    }

    @Test
    void aPatternDecidesWhatIsAllowed() {
        var p = RunStarter.prepare(
                RB, incident(Map.of("namespace", "shop", "deployment", "Web App")), Map.of(), "U1", Set.of());
        assertThat(p.inputRefusals())
                .containsExactly("input 'deployment' (from the incident) does not match its pattern [a-z0-9-]+");
    }

    @Test
    void typesUnknownInputsMissingDefaultsAndPermissionsAreChecked() {
        var p = RunStarter.prepare(
                RB,
                incident(Map.of("namespace", "shop")),
                Map.of("replicas", "many", "mode", "turbo", "extra", "1"),
                "U9",
                Set.of("dev"));
        assertThat(p.permissionRefusal()).isEqualTo("only U1, @sre may run this runbook");
        assertThat(p.inputRefusals())
                .containsExactlyInAnyOrder(
                        "unknown input 'extra' (this runbook takes: namespace, deployment, replicas, window, mode)",
                        "input 'deployment': default cannot be resolved: undefined variable 'alert.labels.deployment' in '{{ alert.labels.deployment }}'",
                        "input 'replicas' (given) must be an integer",
                        "input 'mode' (given) must be one of fast, slow");
        assertThat(RunStarter.prepare(
                                RB,
                                incident(Map.of("namespace", "shop", "deployment", "w")),
                                Map.of(),
                                "U9",
                                Set.of("sre"))
                        .permissionRefusal())
                .isNull();
    }
}
