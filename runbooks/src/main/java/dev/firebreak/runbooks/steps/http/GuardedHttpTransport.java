package dev.firebreak.runbooks.steps.http;

import dev.firebreak.runbooks.steps.ErrorKind;
import dev.firebreak.runbooks.steps.StepFailure;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The real transport of {@code http.request}: only {@code http}/{@code https} to hosts on the allow-list; every
 * address the host resolves to must be public unless inside an allowed network; redirects are followed (at most 3)
 * only to the same scheme, host and port, each hop checked again; request and response bodies above the size limit
 * are refused. Caveat: the JDK client resolves the name again when connecting, so a DNS answer that changes between
 * the check and the connection (rebinding) is not caught; keep the allow-list to hosts you control.
 */
public final class GuardedHttpTransport implements HttpTransport {

    /** Resolves a host name to addresses (tests map names to fixed addresses). */
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private static final Set<String> RESTRICTED_HEADERS =
            Set.of("host", "connection", "content-length", "expect", "upgrade", "transfer-encoding");
    private static final int MAX_REDIRECTS = 3;

    private final HttpPolicy policy;
    private final Resolver resolver;
    private final HttpClient client;

    public GuardedHttpTransport(HttpPolicy policy) {
        this(policy, InetAddress::getAllByName);
    }

    public GuardedHttpTransport(HttpPolicy policy, Resolver resolver) {
        this.policy = policy;
        this.resolver = resolver;
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(policy.defaultTimeout())
                .build();
    }

    public HttpPolicy policy() {
        return policy;
    }

    @Override
    public HttpReply exchange(HttpCall call) {
        if (call.body() != null && call.body().getBytes(StandardCharsets.UTF_8).length > policy.maxBodyBytes()) {
            throw new StepFailure(ErrorKind.REFUSED, "request body larger than " + policy.maxBodyBytes() + " bytes");
        }
        URI uri = call.uri();
        for (int hop = 0; ; hop++) {
            check(uri);
            HttpReply reply = send(call, uri);
            if (reply.status() < 300
                    || reply.status() >= 400
                    || !reply.headers().containsKey("location")) {
                return reply;
            }
            URI next = uri.resolve(reply.headers().get("location"));
            if (!sameOrigin(uri, next)) {
                throw new StepFailure(
                        ErrorKind.REFUSED, "redirect to another host (" + next.getHost() + ") not followed");
            }
            if (hop >= MAX_REDIRECTS) {
                throw new StepFailure(ErrorKind.REFUSED, "more than " + MAX_REDIRECTS + " redirects");
            }
            uri = next;
        }
    }

    /** Refuses schemes other than http(s), hosts not on the allow-list and restricted addresses. */
    public void check(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new StepFailure(ErrorKind.REFUSED, "only http and https URLs are allowed");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new StepFailure(ErrorKind.INVALID, "URL has no host");
        }
        if (uri.getUserInfo() != null) {
            throw new StepFailure(ErrorKind.REFUSED, "credentials in the URL are not allowed; use headers and secrets");
        }
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (!policy.hostAllowed(bare)) {
            throw new StepFailure(
                    ErrorKind.REFUSED, "host " + bare + " is not on firebreak.runbooks.http.allowed-hosts");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException e) {
            throw new StepFailure(ErrorKind.TRANSIENT, "cannot resolve " + bare);
        }
        for (InetAddress a : addresses) {
            String why = AddressRules.restricted(a);
            if (why != null && !AddressRules.inAny(a, policy.allowedNetworks())) {
                throw new StepFailure(
                        ErrorKind.REFUSED,
                        "host " + bare + " resolves to a " + why + " address (" + a.getHostAddress()
                                + "); allow it explicitly in firebreak.runbooks.http.allowed-networks");
            }
        }
    }

    private HttpReply send(HttpCall call, URI uri) {
        Duration timeout = call.timeout() == null ? policy.defaultTimeout() : call.timeout();
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout);
        call.headers().forEach((k, v) -> {
            if (!RESTRICTED_HEADERS.contains(k.toLowerCase(Locale.ROOT))) {
                b.header(k, v);
            }
        });
        b.method(
                call.method(),
                call.body() == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(call.body()));
        try {
            HttpResponse<InputStream> resp = client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            byte[] body;
            try (InputStream in = resp.body()) {
                body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 1, policy.maxBodyBytes() + 1));
            }
            if (body.length > policy.maxBodyBytes()) {
                throw new StepFailure(
                        ErrorKind.REFUSED, "response body larger than " + policy.maxBodyBytes() + " bytes");
            }
            Map<String, String> headers = new LinkedHashMap<>();
            resp.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(", ", v)));
            return new HttpReply(resp.statusCode(), headers, new String(body, StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new StepFailure(
                    ErrorKind.TIMEOUT, uri.getHost() + " did not answer within " + timeout.toSeconds() + "s");
        } catch (IOException e) {
            throw new StepFailure(ErrorKind.TRANSIENT, uri.getHost() + " unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StepFailure(ErrorKind.TIMEOUT, "stopped at its deadline");
        }
    }

    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(String.valueOf(b.getScheme()))
                && a.getHost().equalsIgnoreCase(String.valueOf(b.getHost()))
                && port(a) == port(b);
    }

    private static int port(URI u) {
        return u.getPort() != -1 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }
}
