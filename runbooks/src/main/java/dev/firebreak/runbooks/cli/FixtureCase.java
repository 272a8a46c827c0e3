package dev.firebreak.runbooks.cli;

import dev.firebreak.runbooks.IncidentContext;
import dev.firebreak.runbooks.engine.StepRecord;
import dev.firebreak.runbooks.steps.PlannedChange;
import dev.firebreak.runbooks.steps.StepResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One test case from a runbook's fixture file ({@code <runbook>.test.yml} beside it, key {@code cases}); see
 * docs/runbooks.md for the format. Built from plain YAML maps.
 */
record FixtureCase(
        String name,
        Instant now,
        IncidentContext incident,
        Map<String, String> inputs,
        String requester,
        String approver,
        Map<String, String> approvals,
        Map<String, String> secrets,
        List<Map<String, Object>> kubernetes,
        List<Map<String, Object>> kubernetesAfterChanges,
        Map<String, String> logs,
        List<Map<String, Object>> prometheus,
        List<Map<String, Object>> http,
        Map<String, Object> expect) {

    static FixtureCase from(Map<String, Object> m, int index) {
        Map<String, Object> inc = map(m.get("incident"));
        List<IncidentContext.Alert> alerts = new ArrayList<>();
        for (Object o : list(m.get("alerts"))) {
            Map<String, Object> a = map(o);
            alerts.add(new IncidentContext.Alert(
                    str(a.get("fingerprint"), "fp-" + alerts.size()),
                    str(a.get("status"), "firing"),
                    strings(a.get("labels")),
                    strings(a.get("annotations")),
                    a.get("startsAt") == null ? null : Instant.parse(String.valueOf(a.get("startsAt")))));
        }
        IncidentContext incident = new IncidentContext(
                str(inc.get("ref"), "INC-TEST"),
                str(inc.get("title"), ""),
                str(inc.get("severity"), "critical"),
                str(inc.get("status"), "open"),
                str(inc.get("service"), ""),
                strings(inc.get("labels")),
                alerts);
        List<Map<String, Object>> kube = new ArrayList<>();
        list(m.get("kubernetes")).forEach(o -> kube.add(map(o)));
        List<Map<String, Object>> after = null;
        if (m.containsKey("kubernetes-after-changes")) {
            after = new ArrayList<>();
            for (Object o : list(m.get("kubernetes-after-changes"))) {
                after.add(map(o));
            }
        }
        List<Map<String, Object>> prom = new ArrayList<>();
        list(m.get("prometheus")).forEach(o -> prom.add(map(o)));
        List<Map<String, Object>> http = new ArrayList<>();
        list(m.get("http")).forEach(o -> http.add(map(o)));
        return new FixtureCase(
                str(m.get("name"), "case " + (index + 1)),
                m.get("now") == null
                        ? Instant.parse("2026-01-01T00:00:00Z")
                        : Instant.parse(String.valueOf(m.get("now"))),
                incident,
                strings(m.get("inputs")),
                str(m.get("requester"), "U0REQUESTER"),
                str(m.get("approver"), "U0APPROVER"),
                strings(m.get("approvals")),
                strings(m.get("secrets")),
                kube,
                after,
                strings(m.get("logs")),
                prom,
                http,
                map(m.get("expect")));
    }

    /** The differences between what the case expects and what happened; empty when it passed. */
    List<String> check(FixtureRunner.Outcome o) {
        List<String> problems = new ArrayList<>();
        if (expect.containsKey("matches")) {
            boolean want = Boolean.parseBoolean(String.valueOf(expect.get("matches")));
            if (want != o.matched()) {
                problems.add("expected the triggers " + (want ? "to match" : "not to match") + " this incident");
            }
        }
        if (expect.containsKey("refused")) {
            String want = String.valueOf(expect.get("refused"));
            if (o.refusal() == null || !o.refusal().contains(want)) {
                problems.add("expected the run to be refused with '" + want + "', got "
                        + (o.refusal() == null ? "a run" : "'" + o.refusal() + "'"));
            }
            return problems;
        }
        if (o.refusal() != null) {
            problems.add("run refused: " + o.refusal());
            return problems;
        }
        String status = str(expect.get("status"), "succeeded");
        if (!status.equals(o.status().wireName())) {
            problems.add("expected run status " + status + ", got " + o.status().wireName() + " (" + o.reason() + ")");
        }
        if (expect.get("reason") != null
                && (o.reason() == null || !o.reason().contains(String.valueOf(expect.get("reason"))))) {
            problems.add(
                    "expected the run's reason to contain '" + expect.get("reason") + "', got '" + o.reason() + "'");
        }
        map(expect.get("steps")).forEach((step, want) -> {
            StepRecord r = o.steps().get(step);
            String got = r == null ? "not run" : r.status().wireName();
            if (!String.valueOf(want).equals(got)) {
                problems.add("step " + step + ": expected " + want + ", got " + got
                        + (r != null && r.error() != null ? " (" + r.error() + ")" : ""));
            }
        });
        for (Object o2 : list(expect.get("changes"))) {
            Map<String, Object> want = map(o2);
            String step = String.valueOf(want.get("step"));
            StepResult r = o.results().get(step);
            PlannedChange got = r == null ? null : r.planned();
            if (got == null) {
                problems.add("step " + step + ": expected a planned change, got none");
                continue;
            }
            if (want.get("verb") != null && !String.valueOf(want.get("verb")).equals(got.verb())) {
                problems.add("step " + step + ": expected verb " + want.get("verb") + ", got " + got.verb());
            }
            if (want.get("target") != null
                    && !String.valueOf(want.get("target")).equals(got.target())) {
                problems.add("step " + step + ": expected target " + want.get("target") + ", got " + got.target());
            }
            for (Object part : list(want.get("body-contains"))) {
                if (!got.body().contains(String.valueOf(part))) {
                    problems.add("step " + step + ": expected the body to contain '" + part + "', got " + got.body());
                }
            }
        }
        for (Object part : list(expect.get("posts-contain"))) {
            if (o.posts().stream().noneMatch(p -> p.contains(String.valueOf(part)))) {
                problems.add("expected a Slack post containing '" + part + "', got " + o.posts());
            }
        }
        for (Object part : list(expect.get("posts-exclude"))) {
            if (o.posts().stream().anyMatch(p -> p.contains(String.valueOf(part)))) {
                problems.add("expected no Slack post to contain '" + part + "'");
            }
        }
        return problems;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), v));
            return out;
        }
        return new LinkedHashMap<>();
    }

    static List<Object> list(Object o) {
        if (o instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        return o == null ? List.of() : List.of(o);
    }

    static Map<String, String> strings(Object o) {
        Map<String, String> out = new LinkedHashMap<>();
        map(o).forEach((k, v) -> out.put(k, v == null ? "" : String.valueOf(v)));
        return out;
    }

    static String str(Object o, String fallback) {
        return o == null ? fallback : String.valueOf(o);
    }
}
