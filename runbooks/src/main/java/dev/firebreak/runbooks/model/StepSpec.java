package dev.firebreak.runbooks.model;

import dev.firebreak.runbooks.SourcePosition;
import java.time.Duration;
import java.util.Map;

/**
 * One step as written. {@code with} holds the raw (unrendered) parameters: strings may contain {@code {{ }}} templates;
 * {@code when}/{@code until} are CEL (nullable); {@code timeout}/{@code interval} nullable (defaults apply);
 * {@code retry} nullable (no retry); {@code outputs} maps an output name to a CEL expression over {@code result}
 * (the step type's raw outputs). {@code positions} gives the source position of keys such as {@code with.replicas}.
 */
public record StepSpec(
        String id,
        String type,
        Map<String, Object> with,
        String when,
        Duration timeout,
        RetryPolicy retry,
        String until,
        Duration interval,
        Map<String, String> outputs,
        boolean finallyStep,
        SourcePosition position,
        Map<String, SourcePosition> positions) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(15);

    public StepSpec {
        with = with == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(with));
        outputs = outputs == null
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outputs));
        positions = positions == null ? Map.of() : Map.copyOf(positions);
    }

    public Duration timeoutOrDefault() {
        return timeout == null ? DEFAULT_TIMEOUT : timeout;
    }

    public Duration intervalOrDefault() {
        return interval == null ? DEFAULT_INTERVAL : interval;
    }

    /** Position of a key under this step ({@code "with.replicas"}, {@code "when"}), else the step's own position. */
    public SourcePosition positionOf(String key) {
        return positions.getOrDefault(key, position);
    }
}
