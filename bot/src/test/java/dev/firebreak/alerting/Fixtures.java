package dev.firebreak.alerting;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Alertmanager webhook bodies captured from a real Alertmanager 0.25 (src/test/resources/fixtures/alertmanager). */
final class Fixtures {

    static final String[] ALL = {
        "firing-two-pods.json",
        "one-pod-resolved.json",
        "group-resolved.json",
        "firing-truncated-max3-of-10.json",
        "resolved-truncated-max3-of-10.json",
        "behaviour/01-firing-basic-auth-truncated.json",
        "behaviour/02-firing-bearer.json",
        "behaviour/03-firing-retry-500.json",
        "behaviour/04-partial-resolve-hidden-by-truncation.json",
        "behaviour/05-resolved-single.json",
        "behaviour/06-resolved-group.json",
        "behaviour/07-ha-split-brain-am1.json",
        "behaviour/08-ha-split-brain-am2.json",
    };

    private Fixtures() {}

    static String read(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/alertmanager/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(String name) {
        return read(name).getBytes(StandardCharsets.UTF_8);
    }
}
