package dev.firebreak.alerting;

import dev.firebreak.incident.Severity;
import dev.firebreak.system.security.Secrets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code firebreak.alertmanager.*}: webhook credentials (Bearer token and/or Basic), the body size limit and
 * the mapping from the alerts' {@code severity} label to incident severity. Entries in
 * {@code severity-mapping} are added to (and override) the defaults; unmapped values get {@code default-severity}.
 */
@ConfigurationProperties("firebreak.alertmanager")
public record AlertmanagerSettings(
        String bearerToken,
        String basicUsername,
        String basicPassword,
        @DefaultValue("5MB") DataSize maxBodyBytes,
        Map<String, Severity> severityMapping,
        @DefaultValue("SEV4") Severity defaultSeverity) {

    static final Map<String, Severity> DEFAULT_SEVERITIES = Map.of(
            "page", Severity.SEV1,
            "sev1", Severity.SEV1,
            "critical", Severity.SEV2,
            "warning", Severity.SEV3);

    public AlertmanagerSettings {
        Map<String, Severity> merged = new LinkedHashMap<>(DEFAULT_SEVERITIES);
        if (severityMapping != null) {
            severityMapping.forEach((k, v) -> merged.put(k.toLowerCase(Locale.ROOT), v));
        }
        severityMapping = Map.copyOf(merged);
    }

    /** The bearer token and the password never show. */
    @Override
    public String toString() {
        return "AlertmanagerSettings[bearerToken=" + Secrets.redact(bearerToken) + ", basicUsername=" + basicUsername
                + ", basicPassword=" + Secrets.redact(basicPassword) + ", maxBodyBytes=" + maxBodyBytes
                + ", severityMapping=" + severityMapping + ", defaultSeverity=" + defaultSeverity + "]";
    }

    boolean hasBearer() {
        return bearerToken != null && !bearerToken.isEmpty();
    }

    boolean hasBasic() {
        return basicUsername != null && !basicUsername.isEmpty() && basicPassword != null;
    }
}
