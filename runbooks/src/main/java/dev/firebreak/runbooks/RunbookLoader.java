package dev.firebreak.runbooks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads and validates runbook YAML files. Safe YAML only (no arbitrary types); every problem is reported with
 * the file name, so a broken runbook is refused at load time rather than half-run during an incident.
 */
public final class RunbookLoader {

    private RunbookLoader() {
    }

    /** Loads every {@code *.yml}/{@code *.yaml} file in a directory (not recursive), sorted by file name. */
    public static List<Runbook> loadDirectory(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Runbook> runbooks = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (Path file : files.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
                    .sorted().toList()) {
                Runbook rb = load(file);
                if (!ids.add(rb.id())) {
                    throw new RunbookException(file.getFileName() + ": duplicate runbook id " + rb.id());
                }
                runbooks.add(rb);
            }
            return runbooks;
        } catch (IOException e) {
            throw new RunbookException("Cannot read runbook directory " + dir + ": " + e.getMessage());
        }
    }

    public static Runbook load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(file.getFileName().toString(), in);
        } catch (IOException e) {
            throw new RunbookException(file + ": " + e.getMessage());
        }
    }

    public static Runbook parse(String name, InputStream in) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (RuntimeException e) {
            throw new RunbookException(name + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new RunbookException(name + ": a runbook is a YAML mapping");
        }
        String id = requiredString(name, map, "id");
        if (!id.matches("[a-z0-9][a-z0-9-]{0,62}")) {
            throw new RunbookException(name + ": id must be lowercase letters, digits and dashes");
        }
        String title = requiredString(name, map, "title");
        String description = map.get("description") == null ? "" : String.valueOf(map.get("description"));
        Map<String, String> match = stringMap(name, "match", map.get("match"));
        Object stepsNode = map.get("steps");
        if (!(stepsNode instanceof List<?> stepList) || stepList.isEmpty()) {
            throw new RunbookException(name + ": steps must be a non-empty list");
        }
        List<RunbookStep> steps = new ArrayList<>();
        Set<String> stepIds = new HashSet<>();
        for (Object s : stepList) {
            if (!(s instanceof Map<?, ?> step)) {
                throw new RunbookException(name + ": each step is a mapping");
            }
            String stepId = requiredString(name, step, "id");
            if (!stepIds.add(stepId)) {
                throw new RunbookException(name + ": duplicate step id " + stepId);
            }
            String type = requiredString(name, step, "type");
            Set<String> required = StepTypes.KNOWN.get(type);
            if (required == null) {
                throw new RunbookException(name + ": step " + stepId + ": unknown type " + type
                        + " (known: " + String.join(", ", StepTypes.KNOWN.keySet().stream().sorted().toList()) + ")");
            }
            Map<String, String> with = stringMap(name, "steps." + stepId + ".with", step.get("with"));
            for (String param : required) {
                if (!with.containsKey(param)) {
                    throw new RunbookException(name + ": step " + stepId + " (" + type + ") needs with." + param);
                }
            }
            boolean approval = "required".equals(String.valueOf(step.get("approval")));
            steps.add(new RunbookStep(stepId, type, approval, with));
        }
        return new Runbook(id, title, description, match, steps);
    }

    private static String requiredString(String name, Map<?, ?> map, String key) {
        Object v = map.get(key);
        if (v == null || String.valueOf(v).isBlank()) {
            throw new RunbookException(name + ": " + key + " is required");
        }
        return String.valueOf(v);
    }

    private static Map<String, String> stringMap(String name, String what, Object node) {
        if (node == null) {
            return Map.of();
        }
        if (!(node instanceof Map<?, ?> m)) {
            throw new RunbookException(name + ": " + what + " must be a mapping");
        }
        Map<String, String> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        return out;
    }
}
