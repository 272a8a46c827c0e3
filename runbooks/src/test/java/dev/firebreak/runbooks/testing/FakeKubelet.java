package dev.firebreak.runbooks.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The HTTPS endpoint of a kubelet, as far as the API server uses it for {@code pods/log}: it answers
 * {@code GET /containerLogs/NAMESPACE/POD/CONTAINER} with the text set by {@link #putLog}, honouring
 * {@code tailLines} and {@code limitBytes} like a kubelet does. The API server does not verify the kubelet's
 * certificate unless told to, so a self-signed one (made with the JDK's keytool) serves.
 */
public final class FakeKubelet implements AutoCloseable {

    /** A request the API server forwarded, for assertions on what a client asked for. */
    public record LogRequest(String namespace, String pod, String container, Map<String, String> query) {}

    private static final char[] PASSWORD = "fake-kubelet".toCharArray();

    private final Map<String, String> logs = new ConcurrentHashMap<>();
    private final List<LogRequest> requests = new CopyOnWriteArrayList<>();
    private final HttpsServer server;

    FakeKubelet(Path workDir) {
        try {
            server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(sslContext(workDir)));
            server.createContext("/", this::handle);
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Sets what {@code kubectl logs -n namespace pod -c container} returns. */
    public void putLog(String namespace, String pod, String container, String text) {
        logs.put(namespace + "/" + pod + "/" + container, text);
    }

    public List<LogRequest> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String[] parts = exchange.getRequestURI().getPath().split("/");
            // "", "containerLogs", ns, pod, container
            if (!"GET".equals(exchange.getRequestMethod()) || parts.length != 5 || !"containerLogs".equals(parts[1])) {
                respond(exchange, 404, "404 page not found\n");
                return;
            }
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            requests.add(new LogRequest(parts[2], parts[3], parts[4], query));
            String text = logs.get(parts[2] + "/" + parts[3] + "/" + parts[4]);
            if (text == null) {
                respond(exchange, 404, "container \"" + parts[4] + "\" in pod \"" + parts[3] + "\" is not available\n");
                return;
            }
            respond(exchange, 200, limit(text, query));
        }
    }

    private static String limit(String text, Map<String, String> query) {
        String result = text;
        if (query.containsKey("tailLines")) {
            int tail = Integer.parseInt(query.get("tailLines"));
            List<String> lines = Arrays.asList(result.split("(?<=\n)"));
            result = String.join("", lines.subList(Math.max(0, lines.size() - tail), lines.size()));
        }
        if (query.containsKey("limitBytes")) {
            byte[] bytes = result.getBytes(StandardCharsets.UTF_8);
            int limit = (int) Math.min(bytes.length, Long.parseLong(query.get("limitBytes")));
            result = new String(bytes, 0, limit, StandardCharsets.UTF_8);
        }
        return result;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                query.put(key, value);
            }
        }
        return query;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    private static SSLContext sslContext(Path workDir) {
        Path keystore = workDir.resolve("kubelet.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        try {
            Process process = new ProcessBuilder(
                            keytool.toString(),
                            "-genkeypair",
                            "-alias",
                            "kubelet",
                            "-keyalg",
                            "RSA",
                            "-keysize",
                            "2048",
                            "-validity",
                            "2",
                            "-dname",
                            "CN=127.0.0.1",
                            "-ext",
                            "SAN=ip:127.0.0.1",
                            "-storetype",
                            "PKCS12",
                            "-keystore",
                            keystore.toString(),
                            "-storepass",
                            new String(PASSWORD),
                            "-keypass",
                            new String(PASSWORD))
                    .redirectErrorStream(true)
                    .redirectOutput(workDir.resolve("keytool.log").toFile())
                    .start();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(
                        "keytool failed to make the fake kubelet's certificate, see " + workDir.resolve("keytool.log"));
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = java.nio.file.Files.newInputStream(keystore)) {
                store.load(in, PASSWORD);
            }
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the fake kubelet's keystore", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
