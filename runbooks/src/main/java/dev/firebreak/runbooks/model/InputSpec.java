package dev.firebreak.runbooks.model;

import dev.firebreak.runbooks.SourcePosition;
import java.util.List;

/**
 * A typed input. {@code defaultTemplate} (nullable) is rendered from the incident ({@code {{ alert.labels.namespace }}});
 * {@code pattern} (nullable) must match the whole value; {@code values} lists the choices of an {@code enum}.
 */
public record InputSpec(
        String name,
        Type type,
        String description,
        String defaultTemplate,
        String pattern,
        List<String> values,
        boolean required,
        SourcePosition position) {

    public InputSpec {
        values = List.copyOf(values == null ? List.of() : values);
        description = description == null ? "" : description;
    }

    public enum Type {
        STRING,
        INT,
        DURATION,
        ENUM;

        public String yamlName() {
            return name().toLowerCase();
        }
    }
}
