package dev.firebreak.postmortem;

import dev.firebreak.incident.IncidentAlerts.AlertFact;
import dev.firebreak.postmortem.PostmortemInput.Entry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Post-mortem data built in memory, with fixed times. */
final class PostmortemFixtures {

    static final Instant DETECTED = Instant.parse("2026-11-28T04:52:30Z");
    static final Instant OPENED = Instant.parse("2026-11-28T04:53:02Z");
    static final Instant ACKNOWLEDGED = Instant.parse("2026-11-28T04:57:14Z");
    static final Instant MITIGATED = Instant.parse("2026-11-28T05:10:00Z");
    static final Instant RESOLVED = Instant.parse("2026-11-28T05:31:45Z");
    static final Instant GENERATED = Instant.parse("2026-11-28T05:40:00Z");

    private PostmortemFixtures() {}

    static PostmortemInput.Incident incident(Instant ack, Instant mitigated, Instant resolved) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("alertname", "HighErrorRate");
        labels.put("service", "checkout");
        labels.put("namespace", "shop");
        labels.put("cluster", "eu-west-1");
        labels.put("severity", "critical");
        return new PostmortemInput.Incident(
                12,
                "Checkout API 5xx spike",
                "Bad deploy of checkout 2.14; rolled back.",
                "SEV2",
                resolved == null ? "ACKNOWLEDGED" : "RESOLVED",
                "alertmanager",
                DETECTED,
                OPENED,
                ack,
                mitigated,
                resolved,
                "alice",
                null,
                "bob",
                labels,
                2,
                "http://alertmanager.example:9093");
    }

    static PostmortemInput resolved() {
        return new PostmortemInput(incident(ACKNOWLEDGED, MITIGATED, RESOLVED), alerts(), timeline(), GENERATED);
    }

    static List<AlertFact> alerts() {
        List<AlertFact> alerts = new ArrayList<>();
        alerts.add(
                alert("HighErrorRate", "checkout-7d9f", "resolved", DETECTED, Instant.parse("2026-11-28T05:12:00Z")));
        alerts.add(alert(
                "HighErrorRate",
                "checkout-8a1c",
                "resolved",
                Instant.parse("2026-11-28T04:53:00Z"),
                Instant.parse("2026-11-28T05:14:30Z")));
        alerts.add(alert(
                "PodCrashLooping",
                "checkout-8a1c",
                "resolved",
                Instant.parse("2026-11-28T04:55:00Z"),
                Instant.parse("2026-11-28T05:20:00Z")));
        return alerts;
    }

    static AlertFact alert(String name, String pod, String status, Instant startsAt, Instant endsAt) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("alertname", name);
        labels.put("service", "checkout");
        labels.put("namespace", "shop");
        labels.put("cluster", "eu-west-1");
        labels.put("pod", pod);
        return new AlertFact(
                null,
                name,
                status,
                labels,
                Map.of("summary", name + " on " + pod),
                startsAt,
                "resolved".equals(status) ? endsAt : null,
                "http://prometheus.example:9090/graph?g0.expr=" + name,
                null,
                endsAt == null ? startsAt : endsAt);
    }

    static List<Entry> timeline() {
        List<Entry> t = new ArrayList<>();
        t.add(new Entry(
                1,
                DETECTED,
                "alert.firing",
                "alertmanager",
                null,
                "HighErrorRate firing on checkout-7d9f",
                null,
                null,
                false,
                null));
        t.add(new Entry(
                2,
                OPENED,
                "incident.opened",
                "alertmanager",
                null,
                "INC-12 opened (SEV2, from alertmanager): Checkout API 5xx spike",
                null,
                null,
                true,
                null));
        t.add(new Entry(
                3,
                Instant.parse("2026-11-28T04:54:10Z"),
                "page",
                "firebreak",
                null,
                "Paged the checkout on-call",
                null,
                null,
                false,
                null));
        t.add(new Entry(
                4,
                ACKNOWLEDGED,
                "incident.status",
                "alice",
                "slack:U1",
                "Acknowledged by alice (TRIGGERED → ACKNOWLEDGED)",
                null,
                null,
                true,
                null));
        t.add(new Entry(
                5,
                Instant.parse("2026-11-28T05:01:00Z"),
                "note",
                "carol",
                "slack:U3",
                "Deploy 2.14 went out at 04:50",
                "https://deploys.example/checkout/2.14",
                null,
                false,
                null));
        t.add(new Entry(
                6,
                Instant.parse("2026-11-28T05:02:00Z"),
                "note",
                "carol",
                "slack:U3",
                "Deploy 2.14 went out at 04:48",
                null,
                null,
                false,
                null));
        t.add(new Entry(
                7,
                Instant.parse("2026-11-28T05:03:00Z"),
                "correction",
                "carol",
                "slack:U3",
                "Deploy 2.14 went out at 04:49",
                null,
                null,
                false,
                6L));
        t.add(new Entry(
                8,
                MITIGATED,
                "incident.status",
                "alice",
                "slack:U1",
                "Mitigated by alice (ACKNOWLEDGED → MITIGATED)",
                null,
                null,
                true,
                null));
        t.add(new Entry(
                9,
                Instant.parse("2026-11-28T05:12:00Z"),
                "follow-up",
                "alice",
                "slack:U1",
                "Add a canary stage to the checkout pipeline",
                null,
                "{\"owner\":\"U3\",\"ownerName\":\"carol\"}",
                false,
                null));
        t.add(new Entry(
                10,
                Instant.parse("2026-11-28T05:13:00Z"),
                "follow-up",
                "bob",
                "slack:U2",
                "Alert on error budget burn",
                null,
                null,
                false,
                null));
        t.add(new Entry(
                11,
                RESOLVED,
                "incident.status",
                "alice",
                "slack:U1",
                "Resolved by alice (MITIGATED → RESOLVED): rolled back",
                null,
                null,
                true,
                null));
        return t;
    }

    /** Day of the realistic incident: one old alert resent from days before, then several alertnames within an hour. */
    static final Instant OLD_ALERT = Instant.parse("2026-11-25T09:14:00Z");

    /**
     * A realistic incident: HighLatencyP99, HighErrorRate and PodCrashLooping firing around a bad deploy,
     * acknowledged, mitigated and resolved within the hour, plus a DiskSpaceLow alert that had been firing for
     * days (Alertmanager resent it in the same group), which is what the incident counts as its detection.
     */
    static PostmortemInput realistic() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("alertname", "HighErrorRate");
        labels.put("service", "checkout");
        labels.put("namespace", "shop");
        labels.put("cluster", "eu-west-1");
        labels.put("severity", "critical");
        PostmortemInput.Incident incident = new PostmortemInput.Incident(
                42,
                "Checkout errors and latency after deploy 2.14",
                "Checkout 2.14 exhausted its database connection pool under peak traffic: 5xx and p99 latency rose for "
                        + "about 20 minutes until the deploy was rolled back.",
                "SEV2",
                "RESOLVED",
                "alertmanager",
                OLD_ALERT,
                OPENED,
                ACKNOWLEDGED,
                MITIGATED,
                RESOLVED,
                "alice",
                "dave",
                "bob",
                labels,
                0,
                "http://alertmanager.example:9093");
        List<AlertFact> alerts = new ArrayList<>();
        alerts.add(alert("DiskSpaceLow", "postgres-0", "firing", OLD_ALERT, null));
        alerts.add(alert(
                "HighLatencyP99",
                "checkout-7d9f",
                "resolved",
                Instant.parse("2026-11-28T04:51:45Z"),
                Instant.parse("2026-11-28T05:09:00Z")));
        alerts.add(
                alert("HighErrorRate", "checkout-7d9f", "resolved", DETECTED, Instant.parse("2026-11-28T05:12:00Z")));
        alerts.add(alert(
                "HighErrorRate",
                "checkout-8a1c",
                "resolved",
                Instant.parse("2026-11-28T04:53:00Z"),
                Instant.parse("2026-11-28T05:13:30Z")));
        alerts.add(alert(
                "HighErrorRate",
                "checkout-2b4e",
                "resolved",
                Instant.parse("2026-11-28T04:54:10Z"),
                Instant.parse("2026-11-28T05:14:30Z")));
        alerts.add(alert(
                "HighLatencyP99",
                "checkout-8a1c",
                "resolved",
                Instant.parse("2026-11-28T04:55:30Z"),
                Instant.parse("2026-11-28T05:16:00Z")));
        alerts.add(alert(
                "PodCrashLooping",
                "checkout-2b4e",
                "resolved",
                Instant.parse("2026-11-28T04:56:00Z"),
                Instant.parse("2026-11-28T05:11:00Z")));
        List<Entry> t = new ArrayList<>();
        t.add(new Entry(
                1,
                OLD_ALERT,
                "alert.firing",
                "alertmanager",
                null,
                "DiskSpaceLow firing on postgres-0",
                null,
                null,
                false,
                null));
        t.add(new Entry(
                2,
                Instant.parse("2026-11-28T04:51:45Z"),
                "alert.firing",
                "alertmanager",
                null,
                "HighLatencyP99 firing on checkout-7d9f",
                null,
                null,
                false,
                null));
        t.add(new Entry(
                3,
                DETECTED,
                "alert.firing",
                "alertmanager",
                null,
                "HighErrorRate firing on checkout-7d9f",
                null,
                null,
                false,
                null));
        t.add(new Entry(
                4,
                OPENED,
                "incident.opened",
                "alertmanager",
                null,
                "INC-42 opened (SEV2, from alertmanager): Checkout errors and latency after deploy 2.14",
                null,
                null,
                true,
                null));
        t.add(new Entry(
                5,
                Instant.parse("2026-11-28T04:54:10Z"),
                "page",
                "firebreak",
                null,
                "Paged the checkout on-call (alice)",
                null,
                null,
                false,
                null));
        t.add(new Entry(
                6,
                ACKNOWLEDGED,
                "incident.status",
                "alice",
                "slack:U1",
                "Acknowledged by alice (TRIGGERED → ACKNOWLEDGED)",
                null,
                null,
                true,
                null));
        t.add(new Entry(
                7,
                Instant.parse("2026-11-28T04:59:30Z"),
                "runbook.step",
                "firebreak",
                null,
                "checkout-5xx: collected pod status and recent events (3 pods restarting)",
                null,
                null,
                false,
                null));
        t.add(new Entry(
                8,
                Instant.parse("2026-11-28T05:01:00Z"),
                "note",
                "carol",
                "slack:U3",
                "Deploy 2.14 went out at 04:49; connection pool errors in the logs",
                "https://deploys.example/checkout/2.14",
                null,
                false,
                null));
        t.add(new Entry(
                9,
                Instant.parse("2026-11-28T05:06:20Z"),
                "runbook.step",
                "firebreak",
                null,
                "checkout-5xx: rolled back deployment checkout to revision 41 (approved by alice)",
                null,
                null,
                false,
                null));
        t.add(new Entry(
                10,
                MITIGATED,
                "incident.status",
                "alice",
                "slack:U1",
                "Mitigated by alice (ACKNOWLEDGED → MITIGATED)",
                null,
                null,
                true,
                null));
        t.add(new Entry(
                11,
                Instant.parse("2026-11-28T05:12:00Z"),
                "follow-up",
                "alice",
                "slack:U1",
                "Load-test connection pool settings before release",
                null,
                "{\"owner\":\"U3\",\"ownerName\":\"carol\"}",
                false,
                null));
        t.add(new Entry(
                12,
                Instant.parse("2026-11-28T05:13:00Z"),
                "follow-up",
                "bob",
                "slack:U2",
                "Page on p99 latency burn rate, not only 5xx",
                null,
                null,
                false,
                null));
        t.add(new Entry(
                13,
                RESOLVED,
                "incident.status",
                "alice",
                "slack:U1",
                "Resolved by alice (MITIGATED → RESOLVED): rolled back, error rate normal for 15 minutes",
                null,
                null,
                true,
                null));
        return new PostmortemInput(incident, alerts, t, GENERATED);
    }
}
