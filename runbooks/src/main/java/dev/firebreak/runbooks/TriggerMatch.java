package dev.firebreak.runbooks;

import dev.firebreak.runbooks.model.Runbook;
import dev.firebreak.runbooks.model.Trigger;

/**
 * A runbook whose trigger matched an incident. {@code alert} is the alert that matched (null when the incident has no
 * alerts). {@code onceKey} identifies "the same occasion" per {@code once-per}: the engine starts an {@code auto}
 * run at most once per key ({@code <runbook>:incident:<ref>}, {@code <runbook>:alert:<fingerprint>@<startsAt>},
 * {@code <runbook>:fingerprint:<fingerprint>}).
 */
public record TriggerMatch(Runbook runbook, Trigger trigger, IncidentContext.Alert alert, String onceKey) {

    public boolean auto() {
        return trigger.auto();
    }
}
