package dev.firebreak.replay;

import java.time.Instant;
import java.util.Map;

/**
 * One request to {@code POST /webhooks/alertmanager} as the recorder saw it: when, the headers that matter (never
 * {@code Authorization}), the body as received (null when it was refused before it was read) and the answer.
 */
record Recording(Instant receivedAt, Map<String, String> headers, byte[] body, int status, String answer) {

    /** The only request headers recorded (lower case). Credentials never are. */
    static final java.util.List<String> HEADERS =
            java.util.List.of("content-type", "content-length", "user-agent", "x-forwarded-for");
}
