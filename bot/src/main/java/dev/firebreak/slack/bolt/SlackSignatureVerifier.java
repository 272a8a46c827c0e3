package dev.firebreak.slack.bolt;

import dev.firebreak.system.security.Digests;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Slack request signing (v0): {@code X-Slack-Signature = "v0=" + hex(HMAC-SHA256(secret, "v0:" + ts + ":" + body))}.
 * Compared in constant time; a timestamp more than {@link #MAX_SKEW} away from our clock, in the past
 * (replay) or in the future, is refused. Runs on the raw body bytes, before anything parses them.
 */
public final class SlackSignatureVerifier {

    public static final Duration MAX_SKEW = Duration.ofMinutes(5);

    /** Why a request was refused; {@link #OK} when it was not. */
    public enum Outcome {
        OK,
        NO_SECRET,
        MISSING_HEADERS,
        BAD_TIMESTAMP,
        STALE,
        FUTURE,
        BAD_SIGNATURE,
        /** A verified request whose timestamp and body were already accepted once (see SlackReplayGuard). */
        REPLAYED
    }

    private final byte[] secret;
    private final Clock clock;

    public SlackSignatureVerifier(String signingSecret, Clock clock) {
        this.secret = signingSecret == null || signingSecret.isBlank()
                ? null
                : signingSecret.strip().getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    public Outcome verify(String timestampHeader, String signatureHeader, byte[] body) {
        Outcome headers = checkHeaders(timestampHeader, signatureHeader);
        if (headers != Outcome.OK) {
            return headers;
        }
        byte[] expected = ("v0=" + HexFormat.of().formatHex(hmac(timestampHeader.strip(), body)))
                .getBytes(StandardCharsets.US_ASCII);
        byte[] given = signatureHeader.strip().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? Outcome.OK : Outcome.BAD_SIGNATURE;
    }

    /**
     * Everything that can be refused before reading the body: no secret, missing headers, a timestamp
     * outside the window. {@link #verify} repeats it; callers use it to avoid reading junk bodies.
     */
    public Outcome checkHeaders(String timestampHeader, String signatureHeader) {
        if (secret == null) {
            return Outcome.NO_SECRET;
        }
        if (timestampHeader == null
                || signatureHeader == null
                || timestampHeader.isBlank()
                || signatureHeader.isBlank()) {
            return Outcome.MISSING_HEADERS;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.strip());
        } catch (NumberFormatException e) {
            return Outcome.BAD_TIMESTAMP;
        }
        long now = clock.instant().getEpochSecond();
        if (timestamp < now - MAX_SKEW.toSeconds()) {
            return Outcome.STALE;
        }
        if (timestamp > now + MAX_SKEW.toSeconds()) {
            return Outcome.FUTURE;
        }
        return Outcome.OK;
    }

    /** The signature Slack would send for this timestamp and body (tests and tools sign with it). */
    public static String sign(String signingSecret, String timestamp, byte[] body) {
        return "v0="
                + HexFormat.of()
                        .formatHex(new SlackSignatureVerifier(signingSecret, Clock.systemUTC()).hmac(timestamp, body));
    }

    private byte[] hmac(String timestamp, byte[] body) {
        return Digests.hmacSha256(secret, ("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8), body);
    }
}
