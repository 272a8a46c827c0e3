package dev.firebreak.alerting;

import dev.firebreak.system.security.Digests;
import dev.firebreak.system.security.Secrets;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Checks the {@code Authorization} header of Alertmanager webhooks: {@code Bearer <token>} and/or
 * {@code Basic <user:password>}, compared in constant time on SHA-256 digests. When nothing is configured a
 * random token is generated at start-up and logged once, so the endpoint is never open by default.
 */
@Component
class WebhookCredentials {

    private static final Logger log = LoggerFactory.getLogger(WebhookCredentials.class);

    private final byte[] bearerDigest;
    private final byte[] basicDigest;
    private final String generatedToken;

    WebhookCredentials(AlertmanagerSettings settings) {
        String token = settings.hasBearer() ? settings.bearerToken() : null;
        if (!settings.hasBearer() && !settings.hasBasic()) {
            token = Secrets.newToken();
            log.warn(
                    "\n\nUsing generated Alertmanager webhook token: {}\n\nConfigure your Alertmanager webhook with "
                            + "http_config.authorization (type Bearer, this token), or set firebreak.alertmanager.bearer-token "
                            + "(or basic-username/basic-password) to choose your own.\n",
                    token);
        }
        this.generatedToken = settings.hasBearer() ? null : token;
        this.bearerDigest = token == null ? null : Digests.sha256("Bearer " + token);
        this.basicDigest = settings.hasBasic()
                ? Digests.sha256("Basic "
                        + Base64.getEncoder()
                                .encodeToString((settings.basicUsername() + ":" + settings.basicPassword())
                                        .getBytes(StandardCharsets.UTF_8)))
                : null;
    }

    /** True when the header carries one of the configured credentials. */
    boolean accepts(String authorization) {
        if (authorization == null || authorization.isEmpty()) {
            return false;
        }
        byte[] given = Digests.sha256(normalize(authorization.strip()));
        boolean ok = false;
        // Both comparisons always run, so the answer time does not tell which scheme was configured.
        if (bearerDigest != null) {
            ok |= MessageDigest.isEqual(bearerDigest, given);
        }
        if (basicDigest != null) {
            ok |= MessageDigest.isEqual(basicDigest, given);
        }
        return ok;
    }

    /** The token generated at start-up when nothing was configured (null otherwise). */
    String generatedToken() {
        return generatedToken;
    }

    /** The auth scheme is case-insensitive (RFC 7235); the credentials are not. */
    private static String normalize(String header) {
        int space = header.indexOf(' ');
        if (space < 0) {
            return header;
        }
        String scheme = header.substring(0, space);
        String rest = header.substring(space + 1).strip();
        if (scheme.equalsIgnoreCase("bearer")) {
            return "Bearer " + rest;
        }
        if (scheme.equalsIgnoreCase("basic")) {
            return "Basic " + rest;
        }
        return header;
    }
}
