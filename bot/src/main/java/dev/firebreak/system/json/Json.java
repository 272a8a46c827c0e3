package dev.firebreak.system.json;

import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapper for the bot's own documents (outbox payloads, stored labels, Slack blocks, timeline data,
 * vendor webhooks) and, as the application's bean ({@link JsonConfiguration}), for the REST API's bodies.
 * Immutable and thread-safe.
 */
public final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {}

    public static JsonMapper mapper() {
        return MAPPER;
    }
}
