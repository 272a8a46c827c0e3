package dev.firebreak.runbooks.lang;

import tools.jackson.databind.json.JsonMapper;

/** One JSON mapper for the module (Jackson 3, as fabric8 8 uses). */
public final class Json {

    public static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {}

    public static String write(Object v) {
        return MAPPER.writeValueAsString(v);
    }

    public static Object read(String text) {
        return MAPPER.readValue(text, Object.class);
    }
}
