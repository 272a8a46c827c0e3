package dev.firebreak.incident;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where an incident came from. */
public enum IncidentSource {
    ALERTMANAGER,
    SLACK,
    API;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
