package dev.firebreak.runbook;

import java.util.List;

/** A runbook of the catalog, as listed by the API and Slack. */
public record RunbookView(
        String id,
        String title,
        String description,
        String owner,
        String source,
        List<InputView> inputs,
        List<String> steps,
        boolean matches,
        boolean auto) {

    public record InputView(String name, String type, String description, String defaultValue, boolean required) {}
}
