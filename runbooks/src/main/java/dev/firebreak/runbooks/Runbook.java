package dev.firebreak.runbooks;

import java.util.List;
import java.util.Map;

/**
 * A codified runbook: which incidents it applies to ({@code match}: every label must equal) and its ordered steps.
 */
public record Runbook(String id, String title, String description, Map<String, String> match, List<RunbookStep> steps) {

    public Runbook {
        match = Map.copyOf(match);
        steps = List.copyOf(steps);
    }

    /** Whether an incident with these labels is one this runbook is for. */
    public boolean matches(Map<String, String> labels) {
        return match.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }
}
