package dev.firebreak.system.security;

import java.security.MessageDigest;

/**
 * The API bearer token. Comparison is constant-time: both sides are hashed to SHA-256 first, so neither the
 * content nor the length of the expected token leaks through response timing.
 */
public final class ApiToken {

    private final byte[] expectedDigest;
    private final String value;
    private final boolean generated;

    private ApiToken(String value, boolean generated) {
        this.value = value;
        this.generated = generated;
        this.expectedDigest = Digests.sha256(value);
    }

    /** The configured token, or a freshly generated one when {@code configured} is null or blank. */
    public static ApiToken configuredOrGenerated(String configured) {
        if (configured == null || configured.isBlank()) {
            return new ApiToken(generate(), true);
        }
        return new ApiToken(configured.strip(), false);
    }

    /** 32 random bytes, URL-safe base64 without padding (43 characters). */
    static String generate() {
        return Secrets.newToken();
    }

    /** True if {@code presented} equals the token; constant time, false for null. */
    public boolean matches(String presented) {
        if (presented == null) {
            return false;
        }
        return MessageDigest.isEqual(expectedDigest, Digests.sha256(presented));
    }

    /**
     * The token from an {@code Authorization} header value ({@code Bearer <token>}, scheme case-insensitive),
     * or null when the header is missing or uses another scheme.
     */
    public static String bearer(String authorizationHeader) {
        if (authorizationHeader == null) {
            return null;
        }
        String h = authorizationHeader.strip();
        if (h.length() < 7 || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = h.substring(7).strip();
        return token.isEmpty() ? null : token;
    }

    /** The secret itself: for the start-up log line of a generated token and for tests; never log it otherwise. */
    public String value() {
        return value;
    }

    public boolean generated() {
        return generated;
    }

    @Override
    public String toString() {
        return "ApiToken[<redacted>]";
    }
}
