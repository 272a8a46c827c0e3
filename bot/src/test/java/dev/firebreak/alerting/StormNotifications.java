package dev.firebreak.alerting;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Alertmanager notifications for storm tests: one group, its own groupKey, n alerts of which some firing. */
final class StormNotifications {

    private StormNotifications() {}

    static String firing(String group, String severity, Map<String, String> labels, int alerts, Instant startsAt) {
        return notification(group, severity, labels, alerts, alerts, startsAt, null);
    }

    static String resolved(
            String group, String severity, Map<String, String> labels, int alerts, Instant startsAt, Instant endsAt) {
        return notification(group, severity, labels, alerts, 0, startsAt, endsAt);
    }

    static String groupKey(String group) {
        return "{}/{storm=\"test\"}:{alertname=\"" + group + "\"}";
    }

    static String notification(
            String group,
            String severity,
            Map<String, String> extra,
            int alerts,
            int firing,
            Instant startsAt,
            Instant endsAt) {
        Map<String, String> common = new LinkedHashMap<>();
        common.put("alertname", group);
        common.put("severity", severity);
        common.put("cluster", "prod-eu-1");
        common.putAll(extra);
        ObjectNode root = WebhookClient.JSON.createObjectNode();
        root.put("receiver", "firebreak");
        root.put("status", firing > 0 ? "firing" : "resolved");
        ArrayNode list = root.putArray("alerts");
        for (int i = 0; i < alerts; i++) {
            ObjectNode a = list.addObject();
            boolean on = i < firing;
            a.put("status", on ? "firing" : "resolved");
            ObjectNode labels = a.putObject("labels");
            common.forEach(labels::put);
            labels.put("pod", group.toLowerCase() + "-" + i);
            a.putObject("annotations").put("summary", group + " is failing");
            a.put("startsAt", startsAt.toString());
            a.put("endsAt", on || endsAt == null ? "0001-01-01T00:00:00Z" : endsAt.toString());
            a.put("generatorURL", "http://prometheus.example.internal/graph");
            a.put("fingerprint", String.format("%016x", (group + "#" + i).hashCode() & 0xffffffffL));
        }
        root.putObject("groupLabels").put("alertname", group);
        ObjectNode commonLabels = root.putObject("commonLabels");
        common.forEach(commonLabels::put);
        root.putObject("commonAnnotations").put("summary", group + " is failing");
        root.put("externalURL", "http://alertmanager.example.internal:9093");
        root.put("version", "4");
        root.put("groupKey", groupKey(group));
        root.put("truncatedAlerts", 0);
        return WebhookClient.JSON.writeValueAsString(root);
    }
}
