package dev.firebreak.runbooks.model;

import dev.firebreak.runbooks.SourcePosition;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A parsed runbook. {@code source} is the YAML text it was parsed from: store it to snapshot a run (re-parse it with
 * {@link dev.firebreak.runbooks.lang.RunbookParser} on resume, so editing the file never changes a run in progress).
 * Step ids are unique across {@code steps} and {@code finallySteps}.
 */
public record Runbook(
        String id,
        String title,
        String description,
        String owner,
        List<Trigger> triggers,
        List<InputSpec> inputs,
        Policy policy,
        List<StepSpec> steps,
        List<StepSpec> finallySteps,
        SourcePosition position,
        String source) {

    public Runbook {
        triggers = List.copyOf(triggers);
        inputs = List.copyOf(inputs);
        steps = List.copyOf(steps);
        finallySteps = List.copyOf(finallySteps);
        description = description == null ? "" : description;
        owner = owner == null ? "" : owner;
    }

    public Optional<StepSpec> step(String stepId) {
        return allSteps().filter(s -> s.id().equals(stepId)).findFirst();
    }

    public Optional<InputSpec> input(String name) {
        return inputs.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    public Stream<StepSpec> allSteps() {
        return Stream.concat(steps.stream(), finallySteps.stream());
    }
}
