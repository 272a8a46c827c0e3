package dev.firebreak.runbooks;

import java.util.Map;

/**
 * One step: an id unique in its runbook, a type from {@link StepTypes#KNOWN}, whether a human must approve it
 * before it runs, and its parameters (strings that may hold {@code {{labels.x}}} placeholders).
 */
public record RunbookStep(String id, String type, boolean approvalRequired, Map<String, String> with) {

    public RunbookStep {
        with = Map.copyOf(with);
    }
}
