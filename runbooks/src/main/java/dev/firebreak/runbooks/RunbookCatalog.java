package dev.firebreak.runbooks;

import dev.firebreak.runbooks.engine.RunVariables;
import dev.firebreak.runbooks.lang.Expressions;
import dev.firebreak.runbooks.model.Runbook;
import dev.firebreak.runbooks.model.Trigger;
import dev.firebreak.runbooks.steps.StepTypes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The runbooks of one or more folders ({@code firebreak.runbooks.path}). A file with lint findings is left out and its
 * findings kept (so one broken file never hides the others); ids are unique across folders (the first wins).
 */
public final class RunbookCatalog {

    private final Map<String, Runbook> runbooks;
    private final List<Finding> findings;

    private RunbookCatalog(Map<String, Runbook> runbooks, List<Finding> findings) {
        this.runbooks = runbooks;
        this.findings = List.copyOf(findings);
    }

    public static RunbookCatalog load(Collection<Path> folders, StepTypes types) {
        RunbookLinter linter = new RunbookLinter(types);
        Map<String, Runbook> runbooks = new LinkedHashMap<>();
        List<Finding> findings = new ArrayList<>();
        for (Path folder : folders) {
            for (Path file : runbookFiles(folder, findings)) {
                String text;
                try {
                    text = Files.readString(file, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    findings.add(new Finding(SourcePosition.of(file.toString()), "cannot read: " + e.getMessage()));
                    continue;
                }
                RunbookLinter.Result r = linter.lint(file.toString(), text);
                findings.addAll(r.findings());
                if (r.runbook() == null || !r.findings().isEmpty()) {
                    continue;
                }
                if (runbooks.containsKey(r.runbook().id())) {
                    findings.add(new Finding(
                            r.runbook().position(),
                            "duplicate runbook id '" + r.runbook().id() + "' (also in "
                                    + runbooks.get(r.runbook().id()).position().file() + ")"));
                    continue;
                }
                runbooks.put(r.runbook().id(), r.runbook());
            }
        }
        return new RunbookCatalog(runbooks, findings);
    }

    public static RunbookCatalog of(Collection<Runbook> runbooks) {
        Map<String, Runbook> map = new LinkedHashMap<>();
        runbooks.forEach(r -> map.put(r.id(), r));
        return new RunbookCatalog(map, List.of());
    }

    /** Runbook files of a folder (recursive, {@code *.yml}/{@code *.yaml}, not fixture files), or the file itself. */
    public static List<Path> runbookFiles(Path fileOrFolder, List<Finding> problems) {
        if (Files.isRegularFile(fileOrFolder)) {
            return List.of(fileOrFolder);
        }
        if (!Files.isDirectory(fileOrFolder)) {
            problems.add(new Finding(SourcePosition.of(fileOrFolder.toString()), "no such file or folder"));
            return List.of();
        }
        try (Stream<Path> s = Files.walk(fileOrFolder)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
                    .filter(p -> !isFixture(fileOrFolder.relativize(p)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            problems.add(new Finding(SourcePosition.of(fileOrFolder.toString()), "cannot read: " + e.getMessage()));
            return List.of();
        }
    }

    /**
     * Fixture files sit beside runbooks as {@code <name>.test.yml} or under a {@code fixtures}/{@code tests} folder
     * ({@code p} is relative to the folder being loaded, so the folder's own location never matters).
     */
    public static boolean isFixture(Path p) {
        String name = p.getFileName().toString();
        if (name.endsWith(".test.yml") || name.endsWith(".test.yaml")) {
            return true;
        }
        for (Path part : p) {
            if (part.toString().equals("fixtures") || part.toString().equals("tests")) {
                return true;
            }
        }
        return false;
    }

    public List<Runbook> runbooks() {
        return List.copyOf(runbooks.values());
    }

    public Optional<Runbook> find(String id) {
        return Optional.ofNullable(runbooks.get(id));
    }

    public List<Finding> findings() {
        return findings;
    }

    /**
     * Runbooks whose triggers match the incident, in catalog order; one match per runbook and once-key (a trigger
     * with {@code once-per: alert|fingerprint} gives one match per matching alert). A trigger whose CEL fails on this
     * data (e.g. a missing label) does not match.
     */
    public List<TriggerMatch> matching(IncidentContext incident) {
        // the incident's variables (all its alerts) are converted once, not once per alert and trigger
        Map<String, Object> base = Expressions.bind(RunVariables.forIncident(incident));
        List<TriggerMatch> out = new ArrayList<>();
        for (Runbook rb : runbooks.values()) {
            Set<String> keys = new HashSet<>();
            for (Trigger t : rb.triggers()) {
                List<IncidentContext.Alert> alerts =
                        incident.alerts().isEmpty() ? java.util.Collections.singletonList(null) : incident.alerts();
                for (IncidentContext.Alert a : alerts) {
                    if (!matches(t, base, a)) {
                        continue;
                    }
                    String key = onceKey(rb, t, incident, a);
                    if (keys.add(key)) {
                        out.add(new TriggerMatch(rb, t, a, key));
                    }
                }
            }
        }
        return out;
    }

    /** Distinct runbooks matching the incident (for the status card and {@code runbook list}). */
    public List<Runbook> matchingRunbooks(IncidentContext incident) {
        Set<Runbook> set = new LinkedHashSet<>();
        matching(incident).forEach(m -> set.add(m.runbook()));
        return List.copyOf(set);
    }

    private static boolean matches(Trigger t, Map<String, Object> base, IncidentContext.Alert alert) {
        Map<String, Object> vars = base;
        if (alert != null) {
            vars = new java.util.HashMap<>(base);
            vars.put("alert", Expressions.bindValue(alert.asData()));
        }
        try {
            return Expressions.testBound(t.when(), vars);
        } catch (RunbookException e) {
            return false;
        }
    }

    static String onceKey(Runbook rb, Trigger t, IncidentContext incident, IncidentContext.Alert a) {
        return switch (t.oncePer()) {
            case INCIDENT -> rb.id() + ":incident:" + incident.ref();
            case ALERT -> rb.id() + ":alert:" + (a == null ? incident.ref() : a.fingerprint() + "@" + a.startsAt());
            case FINGERPRINT -> rb.id() + ":fingerprint:" + (a == null ? incident.ref() : a.fingerprint());
        };
    }
}
