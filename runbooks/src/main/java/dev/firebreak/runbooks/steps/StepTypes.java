package dev.firebreak.runbooks.steps;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The step types a runbook may use, by name. {@link #standard()} has every type of issue 8 (there is no shell step). */
public final class StepTypes {

    private final Map<String, StepType> byName = new LinkedHashMap<>();

    public StepTypes(Collection<? extends StepType> types) {
        for (StepType t : types) {
            if (byName.put(t.name(), t) != null) {
                throw new IllegalArgumentException("two step types named " + t.name());
            }
        }
    }

    /** Every built-in type. */
    public static StepTypes standard() {
        List<StepType> types = new ArrayList<>(StandardStepTypes.readAndChange());
        StepTypes reads = new StepTypes(types);
        types.addAll(StandardStepTypes.control(reads));
        return new StepTypes(types);
    }

    public Optional<StepType> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public StepType get(String name) {
        StepType t = byName.get(name);
        if (t == null) {
            throw new StepFailure(ErrorKind.INVALID, "unknown step type '" + name + "'");
        }
        return t;
    }

    public Collection<StepType> all() {
        return byName.values();
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }
}
