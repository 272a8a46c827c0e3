package dev.firebreak.runbooks.steps;

import java.util.Map;
import java.util.Set;

/**
 * One kind of step ({@code kubernetes.scale}, {@code approval}, ...). One class per type; all are listed in
 * {@link StepTypes#standard}. {@link #execute} gets a request whose {@code with} is already rendered (templates
 * resolved, secrets in clear: never log it, mask it with {@link dev.firebreak.runbooks.Masker}). Implementations never
 * block for long: control types return a decision ({@link StepStatus#AWAITING_APPROVAL}, {@link StepStatus#WAITING},
 * {@link StepStatus#POLLING}, {@link StepStatus#ENDED_RUN}, {@link StepStatus#FAILED_RUN}) instead of sleeping.
 * Changing types, in dry run, return {@link StepStatus#PLANNED} with the {@link PlannedChange} and send nothing.
 * A failure is thrown as {@link StepFailure} (with its {@link ErrorKind}, which the retry policy matches on).
 */
public interface StepType {

    /** The name used in runbooks, e.g. {@code kubernetes.scale}. */
    String name();

    /** {@code with} keys that must be present. */
    Set<String> requiredKeys();

    /** {@code with} keys that may be present (in addition to the required ones). */
    Set<String> optionalKeys();

    /** True for types that change something outside Firebreak (Kubernetes, non-GET HTTP, PagerDuty). */
    boolean changing();

    /** True when running it twice has the effect of running it once (safe to re-run after a crash mid-step). */
    boolean idempotent();

    /** Whether this particular use changes something (e.g. {@code http.request} only for non-GET methods). */
    default boolean changes(Map<String, Object> with) {
        return changing();
    }

    /** Whether this particular use is idempotent (e.g. {@code http.request} GET/PUT/DELETE). */
    default boolean idempotent(Map<String, Object> with) {
        return idempotent();
    }

    /** Raw output names this type produces (for lint of {@code steps.<id>.outputs.<name>}); empty: not checked. */
    default Set<String> outputNames() {
        return Set.of();
    }

    /** Type-specific checks of the raw (unrendered) {@code with}; returns problems keyed by {@code with} key. */
    default Map<String, String> validate(Map<String, Object> rawWith) {
        return Map.of();
    }

    StepResult execute(StepRequest request, StepEnvironment env);
}
