package dev.firebreak.runbooks.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.firebreak.runbooks.lang.Json;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A recorded Kubernetes API for {@code runbook test}: serves GET (single objects, lists with label/field selectors,
 * pod logs) of the objects a fixture declares, on 127.0.0.1 with a free port. Anything else is refused, so a test run
 * can never change a cluster (changing steps run in dry run and only record what they would send).
 */
final class FixtureKubernetes implements AutoCloseable {

    private volatile List<Map<String, Object>> objects;
    private final Map<String, String> logs;
    private final HttpServer server;
    private final KubernetesClient client;
    final List<String> requests = new ArrayList<>();

    FixtureKubernetes(List<Map<String, Object>> objects, Map<String, String> logs) throws IOException {
        this.objects = objects;
        this.logs = logs;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
        Config config = new ConfigBuilder(Config.empty())
                .withMasterUrl("http://127.0.0.1:" + server.getAddress().getPort())
                .withNamespace("default")
                .withRequestRetryBackoffLimit(0)
                .withRequestTimeout(5000)
                .build();
        client = new KubernetesClientBuilder().withConfig(config).build();
    }

    /** From now on serve these objects (the state after the run's changes, as a fixture declares it). */
    void replaceObjects(List<Map<String, Object>> after) {
        this.objects = after;
    }

    KubernetesClient client() {
        return client;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            Map<String, String> query = query(ex.getRequestURI().getRawQuery());
            synchronized (requests) {
                requests.add(ex.getRequestMethod() + " " + path);
            }
            if (!"GET".equals(ex.getRequestMethod())) {
                send(ex, 405, status(405, "MethodNotAllowed", "runbook test serves recorded reads only"));
                return;
            }
            String[] p = path.replaceAll("^/+|/+$", "").split("/");
            // /api/v1/... or /apis/group/version/...
            int i;
            String apiVersion;
            if (p.length >= 2 && p[0].equals("api")) {
                apiVersion = p[1];
                i = 2;
            } else if (p.length >= 3 && p[0].equals("apis")) {
                apiVersion = p[1] + "/" + p[2];
                i = 3;
            } else {
                send(ex, 404, status(404, "NotFound", "no such path " + path));
                return;
            }
            if (i == p.length) {
                send(ex, 200, discovery(apiVersion));
                return;
            }
            String ns = null;
            if (p[i].equals("namespaces") && p.length > i + 2) {
                ns = p[i + 1];
                i += 2;
            }
            String plural = p[i];
            String name = p.length > i + 1 ? p[i + 1] : null;
            if (p.length > i + 2 && "log".equals(p[i + 2]) && "pods".equals(plural)) {
                String text = logs.get(ns + "/" + name);
                if (text == null) {
                    send(ex, 404, status(404, "NotFound", "no recorded logs for pod " + ns + "/" + name));
                } else {
                    byte[] b = text.getBytes(StandardCharsets.UTF_8);
                    ex.getResponseHeaders().set("Content-Type", "text/plain");
                    ex.sendResponseHeaders(200, b.length);
                    ex.getResponseBody().write(b);
                }
                return;
            }
            List<Map<String, Object>> hits = new ArrayList<>();
            for (Map<String, Object> o : objects) {
                if (apiVersion.equals(o.get("apiVersion"))
                        && plural(String.valueOf(o.get("kind"))).equals(plural)
                        && (ns == null || ns.equals(meta(o).get("namespace")))
                        && (name == null || name.equals(meta(o).get("name")))
                        && labelsMatch(o, query.get("labelSelector"))
                        && fieldsMatch(o, query.get("fieldSelector"))) {
                    hits.add(o);
                }
            }
            if (name != null) {
                if (hits.isEmpty()) {
                    send(ex, 404, status(404, "NotFound", plural + " \"" + name + "\" not found"));
                } else {
                    send(ex, 200, hits.get(0));
                }
                return;
            }
            Map<String, Object> list = new LinkedHashMap<>();
            list.put("apiVersion", apiVersion);
            list.put("kind", "List");
            list.put("metadata", Map.of("resourceVersion", "1"));
            list.put("items", hits);
            send(ex, 200, list);
        } catch (RuntimeException e) {
            send(ex, 500, status(500, "InternalError", String.valueOf(e.getMessage())));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> meta(Map<String, Object> o) {
        return o.get("metadata") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static boolean labelsMatch(Map<String, Object> o, String selector) {
        if (selector == null || selector.isBlank()) {
            return true;
        }
        Object labels = meta(o).get("labels");
        Map<?, ?> l = labels instanceof Map<?, ?> m ? m : Map.of();
        for (String term : selector.split(",")) {
            String[] kv = term.split("!=|==|=", 2);
            boolean negate = term.contains("!=");
            boolean eq = kv.length == 2 && kv[1].trim().equals(String.valueOf(l.get(kv[0].trim())));
            if (kv.length == 2 ? eq == negate : !l.containsKey(kv[0].trim())) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static boolean fieldsMatch(Map<String, Object> o, String selector) {
        if (selector == null || selector.isBlank()) {
            return true;
        }
        for (String term : selector.split(",")) {
            String[] kv = term.split("=", 2);
            Object cur = o;
            for (String part : kv[0].split("\\.")) {
                cur = cur instanceof Map<?, ?> m ? ((Map<String, Object>) m).get(part) : null;
            }
            if (kv.length == 2 && !kv[1].equals(String.valueOf(cur))) {
                return false;
            }
        }
        return true;
    }

    static String plural(String kind) {
        String k = kind.toLowerCase(Locale.ROOT);
        if (k.endsWith("s")) {
            return k.equals("endpoints") ? k : k + "es";
        }
        if (k.endsWith("y")) {
            return k.substring(0, k.length() - 1) + "ies";
        }
        return k + "s";
    }

    private Map<String, Object> discovery(String apiVersion) {
        List<Map<String, Object>> resources = new ArrayList<>();
        Map<String, Boolean> seen = new LinkedHashMap<>();
        List<String[]> known = List.of(
                new String[] {"v1", "Pod", "true"},
                new String[] {"v1", "Node", "false"},
                new String[] {"v1", "Event", "true"},
                new String[] {"v1", "Service", "true"},
                new String[] {"v1", "Namespace", "false"},
                new String[] {"apps/v1", "Deployment", "true"},
                new String[] {"apps/v1", "ReplicaSet", "true"},
                new String[] {"apps/v1", "StatefulSet", "true"});
        for (String[] k : known) {
            if (k[0].equals(apiVersion) && seen.put(k[1], true) == null) {
                resources.add(Map.of(
                        "name",
                        plural(k[1]),
                        "kind",
                        k[1],
                        "namespaced",
                        Boolean.parseBoolean(k[2]),
                        "singularName",
                        k[1].toLowerCase(Locale.ROOT),
                        "verbs",
                        List.of("get", "list")));
            }
        }
        for (Map<String, Object> o : objects) {
            String kind = String.valueOf(o.get("kind"));
            if (apiVersion.equals(o.get("apiVersion")) && seen.put(kind, true) == null) {
                resources.add(Map.of(
                        "name",
                        plural(kind),
                        "kind",
                        kind,
                        "namespaced",
                        meta(o).containsKey("namespace"),
                        "singularName",
                        kind.toLowerCase(Locale.ROOT),
                        "verbs",
                        List.of("get", "list")));
            }
        }
        return Map.of(
                "kind", "APIResourceList", "apiVersion", "v1", "groupVersion", apiVersion, "resources", resources);
    }

    private static Map<String, Object> status(int code, String reason, String message) {
        return Map.of(
                "kind",
                "Status",
                "apiVersion",
                "v1",
                "metadata",
                Map.of(),
                "status",
                "Failure",
                "message",
                message,
                "reason",
                reason,
                "code",
                code);
    }

    private static void send(HttpExchange ex, int code, Object body) throws IOException {
        byte[] b = Json.write(body).getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(code, b.length);
        ex.getResponseBody().write(b);
    }

    static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw == null) {
            return q;
        }
        for (String kv : raw.split("&")) {
            String[] parts = kv.split("=", 2);
            q.put(
                    URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
        }
        return q;
    }

    @Override
    public void close() {
        client.close();
        server.stop(0);
    }
}
