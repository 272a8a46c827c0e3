package dev.firebreak.paging;

import dev.firebreak.system.security.Digests;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * PagerDuty v3 webhook signatures: {@code X-PagerDuty-Signature: v1=<hex HMAC-SHA256 of the raw body>[,v1=...]}.
 * During secret rotation a delivery carries several signatures and we may hold several secrets: the body is
 * genuine if any signature matches any secret. Comparisons are constant-time.
 */
final class WebhookSignatures {

    private WebhookSignatures() {}

    static boolean valid(byte[] body, String header, List<String> secrets) {
        if (body == null || header == null || header.isBlank() || secrets.isEmpty()) {
            return false;
        }
        boolean ok = false;
        for (String secret : secrets) {
            byte[] expected = hmac(secret, body);
            for (String part : header.split(",")) {
                String p = part.strip();
                if (!p.toLowerCase(Locale.ROOT).startsWith("v1=")) {
                    continue;
                }
                byte[] given;
                try {
                    given = HexFormat.of().parseHex(p.substring(3).strip().toLowerCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    continue;
                }
                // No early exit: every pair is compared, each in constant time.
                ok |= MessageDigest.isEqual(expected, given);
            }
        }
        return ok;
    }

    /** {@code v1=<hex>} for this body and secret (tests and tooling). */
    static String sign(String secret, byte[] body) {
        return "v1=" + HexFormat.of().formatHex(hmac(secret, body));
    }

    private static byte[] hmac(String secret, byte[] body) {
        return Digests.hmacSha256(secret.getBytes(StandardCharsets.UTF_8), body);
    }
}
