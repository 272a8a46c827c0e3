package dev.firebreak.runbook;

import dev.firebreak.system.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** JSON for journal columns. */
final class RunJson {

    private static final JsonMapper JSON = Json.mapper();

    private RunJson() {}

    static String write(Object value) {
        return value == null ? null : JSON.writeValueAsString(value);
    }

    static Map<String, Object> map(String json) {
        if (json == null || json.isBlank()) {
            return new LinkedHashMap<>();
        }
        return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {});
    }

    static <T> T read(String json, Class<T> type) {
        return json == null || json.isBlank() ? null : JSON.readValue(json, type);
    }

    static Object value(String json) {
        return json == null || json.isBlank() ? null : JSON.readValue(json, Object.class);
    }
}
