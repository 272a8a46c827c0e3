package dev.firebreak.runbooks.cli;

import dev.firebreak.runbooks.Finding;
import dev.firebreak.runbooks.RunbookCatalog;
import dev.firebreak.runbooks.RunbookLinter;
import dev.firebreak.runbooks.steps.StepTypes;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code runbook lint <file-or-folder>} (exit 0 clean, 1 findings, 2 usage) and {@code runbook test <file-or-folder>}
 * (exit 0 all cases pass, 1 otherwise, 2 usage). No web server, no database, no cluster: tests run against recorded
 * answers declared in {@code <runbook>.test.yml} beside each runbook.
 */
public final class RunbookCli {

    static final String USAGE = """
            usage: runbook lint <file-or-folder>   check runbooks (schema and semantics); exit 0 clean, 1 findings
                   runbook test <file-or-folder>   run each runbook's fixture cases (<name>.test.yml); exit 0 pass, 1 fail""";

    private RunbookCli() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> a = new ArrayList<>(Arrays.asList(args));
        if (!a.isEmpty() && a.get(0).equals("runbook")) {
            a.remove(0);
        }
        if (a.size() != 2 || !(a.get(0).equals("lint") || a.get(0).equals("test"))) {
            err.println(USAGE);
            return 2;
        }
        Path path = Path.of(a.get(1));
        if (!Files.exists(path)) {
            err.println(path + ": no such file or folder");
            return 2;
        }
        StepTypes types = StepTypes.standard();
        return a.get(0).equals("lint") ? lint(path, types, out) : test(path, types, out);
    }

    static int lint(Path path, StepTypes types, PrintStream out) {
        List<Finding> findings = new RunbookLinter(types).lintPath(path);
        findings.forEach(f -> out.println(f.format()));
        int files = RunbookCatalog.runbookFiles(path, new ArrayList<>()).size();
        out.println(files + " runbook file(s), " + findings.size() + " finding(s)");
        return findings.isEmpty() ? 0 : 1;
    }

    static int test(Path path, StepTypes types, PrintStream out) {
        RunbookLinter linter = new RunbookLinter(types);
        FixtureRunner runner = new FixtureRunner(types);
        int passed = 0;
        int failed = 0;
        for (Path file : RunbookCatalog.runbookFiles(path, new ArrayList<>())) {
            RunbookLinter.Result lint;
            try {
                lint = linter.lint(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                out.println("FAIL " + file + ": cannot read: " + e.getMessage());
                failed++;
                continue;
            }
            if (lint.runbook() == null || !lint.findings().isEmpty()) {
                lint.findings().forEach(f -> out.println(f.format()));
                out.println("FAIL " + file + ": lint findings");
                failed++;
                continue;
            }
            Path fixture = fixtureOf(file);
            if (!Files.exists(fixture)) {
                out.println("FAIL " + file + ": no fixture cases (" + fixture.getFileName() + " beside it)");
                failed++;
                continue;
            }
            List<FixtureCase> cases;
            try {
                cases = cases(fixture);
            } catch (IOException | RuntimeException e) {
                out.println("FAIL " + fixture + ": cannot read the cases: " + e.getMessage());
                failed++;
                continue;
            }
            for (FixtureCase c : cases) {
                List<String> problems;
                try {
                    problems = c.check(runner.run(lint.runbook(), c));
                } catch (IOException | RuntimeException e) {
                    problems = List.of("error: " + e);
                }
                if (problems.isEmpty()) {
                    out.println("PASS " + lint.runbook().id() + ": " + c.name());
                    passed++;
                } else {
                    out.println("FAIL " + lint.runbook().id() + ": " + c.name());
                    problems.forEach(p -> out.println("     " + p));
                    failed++;
                }
            }
        }
        out.println(passed + " passed, " + failed + " failed");
        return failed == 0 && passed > 0 ? 0 : 1;
    }

    static Path fixtureOf(Path runbook) {
        String name = runbook.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return runbook.resolveSibling(name + ".test.yml");
    }

    static List<FixtureCase> cases(Path fixture) throws IOException {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(fixture));
        List<FixtureCase> out = new ArrayList<>();
        if (root instanceof Map<?, ?> m && m.get("cases") instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                out.add(FixtureCase.from(FixtureCase.map(l.get(i)), i));
            }
        }
        if (out.isEmpty()) {
            throw new IOException("expected a mapping with a non-empty 'cases' list");
        }
        return out;
    }
}
