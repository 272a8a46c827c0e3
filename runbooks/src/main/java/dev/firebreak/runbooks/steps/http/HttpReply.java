package dev.firebreak.runbooks.steps.http;

import java.util.Map;

/** The answer to an {@link HttpCall}: status, headers (lower-case names), body text (at most the size limit). */
public record HttpReply(int status, Map<String, String> headers, String body) {

    public HttpReply {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        body = body == null ? "" : body;
    }
}
