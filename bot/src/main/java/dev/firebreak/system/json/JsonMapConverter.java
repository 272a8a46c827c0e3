package dev.firebreak.system.json;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stores a {@code Map<String,String>} (labels, annotations) as a JSON object in a text column, keys sorted. */
@Converter
public class JsonMapConverter implements AttributeConverter<Map<String, String>, String> {

    private static final JsonMapper JSON = Json.mapper();
    private static final TypeReference<LinkedHashMap<String, String>> TYPE = new TypeReference<>() {};

    @Override
    public String convertToDatabaseColumn(Map<String, String> attribute) {
        return JSON.writeValueAsString(attribute == null ? Map.of() : new TreeMap<>(attribute));
    }

    @Override
    public Map<String, String> convertToEntityAttribute(String dbData) {
        if (dbData == null || dbData.isBlank()) {
            return new LinkedHashMap<>();
        }
        return JSON.readValue(dbData, TYPE);
    }
}
