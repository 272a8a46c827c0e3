package dev.firebreak.system.text;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Applied to every String attribute of every entity: replaces NUL characters (see {@link StoredText}), so no
 * text from a webhook, the API or Slack can make PostgreSQL refuse a write ({@code invalid byte sequence for
 * encoding "UTF8": 0x00}) and turn valid input into a 500.
 */
@Converter(autoApply = true)
public class NulFreeTextConverter implements AttributeConverter<String, String> {

    @Override
    public String convertToDatabaseColumn(String attribute) {
        return StoredText.clean(attribute);
    }

    @Override
    public String convertToEntityAttribute(String dbData) {
        return dbData;
    }
}
