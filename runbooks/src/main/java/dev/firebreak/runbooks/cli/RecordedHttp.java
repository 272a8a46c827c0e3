package dev.firebreak.runbooks.cli;

import dev.firebreak.runbooks.steps.ErrorKind;
import dev.firebreak.runbooks.steps.StepFailure;
import dev.firebreak.runbooks.steps.http.HttpCall;
import dev.firebreak.runbooks.steps.http.HttpReply;
import dev.firebreak.runbooks.steps.http.HttpTransport;
import java.util.List;
import java.util.Map;

/** Recorded HTTP answers for {@code runbook test} ({@code http: [{method, url, status, body, content-type}]}). */
final class RecordedHttp implements HttpTransport {

    private final List<Map<String, Object>> answers;

    RecordedHttp(List<Map<String, Object>> answers) {
        this.answers = answers;
    }

    @Override
    public HttpReply exchange(HttpCall call) {
        for (Map<String, Object> a : answers) {
            String method = String.valueOf(a.getOrDefault("method", "GET"));
            if (method.equalsIgnoreCase(call.method()) && call.uri().toString().equals(String.valueOf(a.get("url")))) {
                int status = a.get("status") instanceof Number n ? n.intValue() : 200;
                String type = String.valueOf(a.getOrDefault("content-type", "application/json"));
                return new HttpReply(status, Map.of("content-type", type), String.valueOf(a.getOrDefault("body", "")));
            }
        }
        throw new StepFailure(
                ErrorKind.TRANSIENT,
                "runbook test: no recorded answer for " + call.method() + " " + call.uri()
                        + " (add it to the fixture's http list)");
    }
}
