package dev.firebreak.incident;

import static dev.firebreak.incident.IncidentStatus.ACKNOWLEDGED;
import static dev.firebreak.incident.IncidentStatus.MITIGATED;
import static dev.firebreak.incident.IncidentStatus.RESOLVED;
import static dev.firebreak.incident.IncidentStatus.TRIGGERED;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IncidentStatusTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
        "TRIGGERED,ACKNOWLEDGED,true",
        "TRIGGERED,MITIGATED,true",
        "TRIGGERED,RESOLVED,true",
        "ACKNOWLEDGED,MITIGATED,true",
        "ACKNOWLEDGED,RESOLVED,true",
        "MITIGATED,RESOLVED,true",
        "RESOLVED,TRIGGERED,true",
        "TRIGGERED,TRIGGERED,false",
        "ACKNOWLEDGED,ACKNOWLEDGED,false",
        "ACKNOWLEDGED,TRIGGERED,false",
        "MITIGATED,ACKNOWLEDGED,false",
        "MITIGATED,TRIGGERED,false",
        "RESOLVED,ACKNOWLEDGED,false",
        "RESOLVED,MITIGATED,false",
        "RESOLVED,RESOLVED,false"
    })
    void transitions(IncidentStatus from, IncidentStatus to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
    }

    @org.junit.jupiter.api.Test
    void onlyResolvedIsClosed() {
        assertThat(TRIGGERED.isOpen()).isTrue();
        assertThat(ACKNOWLEDGED.isOpen()).isTrue();
        assertThat(MITIGATED.isOpen()).isTrue();
        assertThat(RESOLVED.isOpen()).isFalse();
    }
}
