package dev.firebreak.runbooks.steps;

import java.util.Set;

/**
 * A step type whose name, {@code with} keys, outputs and effect are fixed: declared once, in its constructor, instead
 * of five accessor methods per type. Types whose effect depends on the use ({@code http.request}) still override
 * {@link #changes(java.util.Map)} and {@link #idempotent(java.util.Map)}.
 */
public abstract class DeclaredStepType implements StepType {

    /** Changes something outside Firebreak (Kubernetes, PagerDuty, non-GET HTTP). */
    protected static final boolean CHANGING = true;
    /** Only reads, or only writes Firebreak's own records. */
    protected static final boolean NOT_CHANGING = false;
    /** Running it twice has the effect of running it once. */
    protected static final boolean IDEMPOTENT = true;

    protected static final boolean NOT_IDEMPOTENT = false;

    private final String name;
    private final Set<String> requiredKeys;
    private final Set<String> optionalKeys;
    private final boolean changing;
    private final boolean idempotent;
    private final Set<String> outputNames;

    protected DeclaredStepType(
            String name,
            Set<String> requiredKeys,
            Set<String> optionalKeys,
            boolean changing,
            boolean idempotent,
            Set<String> outputNames) {
        this.name = name;
        this.requiredKeys = Set.copyOf(requiredKeys);
        this.optionalKeys = Set.copyOf(optionalKeys);
        this.changing = changing;
        this.idempotent = idempotent;
        this.outputNames = Set.copyOf(outputNames);
    }

    /** A set of {@code with} keys or output names. */
    protected static Set<String> keys(String... keys) {
        return Set.of(keys);
    }

    /** A {@code with} string as it may be shown or sent: secrets masked. */
    protected static String masked(StepRequest r, StepEnvironment env, String key) {
        return env.masker().mask(r.string(key));
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Set<String> requiredKeys() {
        return requiredKeys;
    }

    @Override
    public final Set<String> optionalKeys() {
        return optionalKeys;
    }

    @Override
    public final boolean changing() {
        return changing;
    }

    @Override
    public final boolean idempotent() {
        return idempotent;
    }

    @Override
    public final Set<String> outputNames() {
        return outputNames;
    }
}
