package dev.firebreak.runbooks.lang;

import dev.firebreak.runbooks.Finding;
import dev.firebreak.runbooks.model.Runbook;
import java.util.List;

/** A parsed file: the runbook (null when it could not be built at all) and the structural findings. */
public record ParseResult(Runbook runbook, List<Finding> findings) {

    public ParseResult {
        findings = List.copyOf(findings);
    }

    public boolean clean() {
        return runbook != null && findings.isEmpty();
    }
}
