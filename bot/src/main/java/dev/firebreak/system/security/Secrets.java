package dev.firebreak.system.security;

/** How a secret shows in {@code toString}, logs and errors: never its value. */
public final class Secrets {

    private Secrets() {
    }

    /** {@code <redacted>} when set, {@code <none>} when not. */
    public static String redact(String secret) {
        return secret == null || secret.isBlank() ? "<none>" : "<redacted>";
    }
}
