package dev.firebreak.runbooks.steps;

/**
 * What a changing step sends (dry run: would have sent): a verb ({@code PATCH}, {@code DELETE}, {@code POST}, ...), a
 * target ({@code apps/v1 Deployment shop/checkout}, a URL, {@code pagerduty}) and a body (JSON-ish text, may be empty).
 */
public record PlannedChange(String verb, String target, String body) {

    public PlannedChange {
        body = body == null ? "" : body;
    }
}
