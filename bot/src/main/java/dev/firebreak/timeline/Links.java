package dev.firebreak.timeline;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Link checks for untrusted URLs: only absolute http(s) URLs with a host count as links. */
public final class Links {

    public static final int MAX_LENGTH = 2048;

    private Links() {}

    /** Whether {@code url} is an absolute http or https URL with a host, without whitespace or control characters. */
    public static boolean isWebUrl(String url) {
        if (url == null || url.isEmpty() || url.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= ' ' || c == 0x7f || c == '<' || c == '>' || c == '"' || c == '\\') {
                return false;
            }
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https"))
                    && uri.getHost() != null
                    && !uri.getHost().isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
