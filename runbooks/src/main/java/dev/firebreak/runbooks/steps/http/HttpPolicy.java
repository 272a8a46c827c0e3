package dev.firebreak.runbooks.steps.http;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where {@code http.request} may go. {@code allowedHosts}: exact host names, or {@code *.example.com} for subdomains
 * ({@code firebreak.runbooks.http.allowed-hosts}). Loopback, link-local (169.254.0.0/16, fe80::/10, cloud metadata),
 * private (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7), unspecified and multicast addresses are refused after DNS
 * resolution unless they fall in one of {@code allowedNetworks} (CIDRs such as {@code 10.20.0.0/16},
 * {@code firebreak.runbooks.http.allowed-networks}). Bodies above {@code maxBodyBytes} are refused.
 */
public record HttpPolicy(
        Set<String> allowedHosts, List<String> allowedNetworks, long maxBodyBytes, Duration defaultTimeout) {

    public static final long DEFAULT_MAX_BODY = 256 * 1024;

    public HttpPolicy {
        allowedHosts = allowedHosts == null
                ? Set.of()
                : allowedHosts.stream()
                        .map(h -> h.trim().toLowerCase(Locale.ROOT))
                        .filter(h -> !h.isEmpty())
                        .collect(Collectors.toUnmodifiableSet());
        allowedNetworks = List.copyOf(allowedNetworks == null ? List.of() : allowedNetworks);
        maxBodyBytes = maxBodyBytes <= 0 ? DEFAULT_MAX_BODY : maxBodyBytes;
        defaultTimeout = defaultTimeout == null ? Duration.ofSeconds(10) : defaultTimeout;
    }

    public static HttpPolicy allowing(String... hosts) {
        return new HttpPolicy(Set.of(hosts), List.of(), DEFAULT_MAX_BODY, null);
    }

    public boolean hostAllowed(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        for (String a : allowedHosts) {
            if (a.equals(h) || (a.startsWith("*.") && h.endsWith(a.substring(1)))) {
                return true;
            }
        }
        return false;
    }
}
