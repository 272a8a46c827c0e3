package dev.firebreak.system.security;

import java.security.SecureRandom;
import java.util.Base64;

/** Secrets: how one shows in {@code toString}, logs and errors (never its value), and how a new one is made. */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {}

    /** A new random token: 32 bytes from {@link SecureRandom}, URL-safe base64 without padding (43 characters). */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A URL without its user info ({@code https://user:pass@host/} shows as {@code https://<redacted>@host/}). */
    public static String redactUrl(String url) {
        return url == null ? null : url.replaceFirst("^([A-Za-z][A-Za-z0-9+.-]*://)[^/@]*@", "$1<redacted>@");
    }

    /** {@code <redacted>} when set, {@code <none>} when not. */
    public static String redact(String secret) {
        return secret == null || secret.isBlank() ? "<none>" : "<redacted>";
    }
}
