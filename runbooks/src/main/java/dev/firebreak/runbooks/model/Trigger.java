package dev.firebreak.runbooks.model;

import dev.firebreak.runbooks.SourcePosition;

/**
 * When a runbook applies: {@code when} is a CEL condition over {@code incident} and {@code alert} (evaluated once per
 * alert of the incident); {@code auto} starts it on match (otherwise it is only offered); {@code oncePer} says how
 * often it may start automatically.
 */
public record Trigger(String when, boolean auto, OncePer oncePer, SourcePosition position) {

    public enum OncePer {
        INCIDENT,
        ALERT,
        FINGERPRINT;

        public String yamlName() {
            return name().toLowerCase();
        }
    }
}
