package dev.firebreak.runbook;

import dev.firebreak.incident.Actor;
import java.util.Map;

/** A request to run a runbook on an incident: inputs given by a person ({@code via}: slack, api, auto). */
public record StartRequest(String runbookId, Map<String, String> inputs, boolean dryRun, Actor actor, String via) {

    public StartRequest {
        inputs = inputs == null ? Map.of() : Map.copyOf(inputs);
    }
}
