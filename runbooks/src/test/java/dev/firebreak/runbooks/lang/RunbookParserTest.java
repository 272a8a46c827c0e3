package dev.firebreak.runbooks.lang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.runbooks.Finding;
import dev.firebreak.runbooks.model.Policy;
import dev.firebreak.runbooks.model.Runbook;
import dev.firebreak.runbooks.model.Trigger;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RunbookParserTest {

    static final String RUNBOOK = """
            id: demo
            title: Demo
            owner: sre
            triggers:
              - when: 'alert.labels.alertname == "X"'
                auto: true
                once-per: fingerprint
            inputs:
              namespace:
                default: '{{ alert.labels.namespace }}'
                pattern: '[a-z-]+'
              replicas:
                type: int
                default: '3'
            policy:
              timeout: 20m
              concurrency: {key: '{{ inputs.namespace }}', on-conflict: queue}
              rate: {max: 2, per: 1h}
              run-by: ['@sre']
              approve-by: [U123]
            steps:
              - id: q
                type: prometheus.query
                timeout: 30s
                retry: {max: 3, backoff: 2s, errors: [transient]}
                with: {query: up}
                until: 'result.value > 0.0'
                interval: 10s
                outputs: {v: result.value}
            finally:
              - id: note
                type: timeline.note
                with: {text: done}
            """;

    @Test
    void parsesEveryPartOfTheLanguage() {
        ParseResult r = RunbookParser.parse("demo.yml", RUNBOOK);
        assertThat(r.findings()).isEmpty();
        Runbook rb = r.runbook();
        assertThat(rb.triggers()).singleElement().satisfies(t -> {
            assertThat(t.auto()).isTrue();
            assertThat(t.oncePer()).isEqualTo(Trigger.OncePer.FINGERPRINT);
        });
        assertThat(rb.input("replicas").orElseThrow().defaultTemplate()).isEqualTo("3");
        Policy p = rb.policy();
        assertThat(p.timeout()).isEqualTo(Duration.ofMinutes(20));
        assertThat(p.onConflict()).isEqualTo(Policy.OnConflict.QUEUE);
        assertThat(p.rate()).isEqualTo(new Policy.Rate(2, Duration.ofHours(1)));
        assertThat(p.runBy()).containsExactly("@sre");
        assertThat(p.approverNotRequester()).isTrue();
        var q = rb.steps().get(0);
        assertThat(q.retry().maxAttempts()).isEqualTo(3);
        assertThat(q.interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(q.outputs()).containsEntry("v", "result.value");
        assertThat(rb.finallySteps())
                .singleElement()
                .satisfies(s -> assertThat(s.finallyStep()).isTrue());
        assertThat(rb.source()).isEqualTo(RUNBOOK);
    }

    @Test
    void reportsProblemsWithLineAndColumn() {
        ParseResult r = RunbookParser.parse("bad.yml", """
                id: Bad_Id!
                title: t
                colour: red
                steps:
                  - id: a
                    type: wait
                    timeout: soon
                  - id: a
                    type: wait
                """);
        assertThat(r.findings())
                .extracting(Finding::format)
                .containsExactlyInAnyOrder(
                        "bad.yml:1:5: id must be lowercase letters, digits and dashes (at most 63)",
                        "bad.yml:3:1: unknown key 'colour' (known: description, finally, id, inputs, owner, policy, steps, title, triggers)",
                        "bad.yml:7:14: timeout: 'soon' is not a duration (e.g. 30s, 5m, 1h30m)",
                        "bad.yml:8:5: duplicate step id 'a'");
    }

    @Test
    void invalidYamlIsAFindingNotAnException() {
        ParseResult r = RunbookParser.parse("x.yml", "id: [unclosed\n");
        assertThat(r.runbook()).isNull();
        assertThat(r.findings())
                .singleElement()
                .satisfies(f -> assertThat(f.format()).startsWith("x.yml:2:1: not valid YAML"));
    }
}
