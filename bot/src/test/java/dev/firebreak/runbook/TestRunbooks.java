package dev.firebreak.runbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Writes test runbooks into a fresh folder (for {@code firebreak.runbooks.path}) and builds Alertmanager payloads. */
final class TestRunbooks {

    private TestRunbooks() {}

    static String folder(Map<String, String> files) {
        try {
            Path dir = Files.createTempDirectory("firebreak-test-runbooks-");
            for (var e : files.entrySet()) {
                Files.writeString(dir.resolve(e.getKey() + ".yml"), e.getValue());
            }
            return dir.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A firing Alertmanager notification with one alert carrying {@code labels}. */
    static String firing(Map<String, String> labels) {
        String group = "{}:{alertname=\"" + labels.get("alertname") + "\",t=\"" + UUID.randomUUID() + "\"}";
        StringBuilder l = new StringBuilder();
        labels.forEach((k, v) -> l.append(l.length() == 0 ? "" : ",")
                .append('"')
                .append(k)
                .append("\":\"")
                .append(v.replace("\\", "\\\\").replace("\"", "\\\""))
                .append('"'));
        return """
                {"receiver":"firebreak","status":"firing","version":"4","groupKey":%s,"truncatedAlerts":0,
                 "groupLabels":{"alertname":"%s"},"commonLabels":{%s},"commonAnnotations":{"summary":"%s"},
                 "externalURL":"http://alertmanager.example:9093",
                 "alerts":[{"status":"firing","labels":{%s},"annotations":{"summary":"%s"},
                            "startsAt":"2026-12-01T01:00:00Z","endsAt":"0001-01-01T00:00:00Z",
                            "generatorURL":"http://prometheus.example:9090/graph","fingerprint":"%s"}]}
                """.formatted(
                        SignedJson.quote(group),
                        labels.get("alertname"),
                        l,
                        labels.get("alertname") + " firing",
                        l,
                        labels.get("alertname") + " firing",
                        UUID.randomUUID().toString().replace("-", "").substring(0, 16));
    }

    static List<String> lines(String text) {
        return text.lines().toList();
    }

    /** JSON string quoting. */
    static final class SignedJson {
        static String quote(String s) {
            return dev.firebreak.slack.SignedSlackRequests.json(s);
        }
    }
}
