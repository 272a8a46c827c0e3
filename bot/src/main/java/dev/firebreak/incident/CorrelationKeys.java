package dev.firebreak.incident;

import dev.firebreak.system.security.Digests;

/** Correlation keys (Alertmanager groupKeys) can be long; the unique index holds their SHA-256. */
public final class CorrelationKeys {

    private CorrelationKeys() {}

    public static String hash(String key) {
        return Digests.sha256Hex(key);
    }
}
