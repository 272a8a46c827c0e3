package dev.firebreak.runbooks.steps.http;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** One HTTP request of a step. {@code body} may be null. */
public record HttpCall(String method, URI uri, Map<String, String> headers, String body, Duration timeout) {

    public HttpCall {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }
}
