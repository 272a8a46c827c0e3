package dev.firebreak.postmortem;

import dev.firebreak.incident.IncidentAlerts.AlertFact;
import dev.firebreak.postmortem.PostmortemInput.Entry;
import dev.firebreak.postmortem.PostmortemInput.Incident;
import dev.firebreak.system.json.Json;
import dev.firebreak.timeline.Links;
import dev.firebreak.timeline.TimelineKinds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Builds the template model from the data, as a pure function. */
public final class PostmortemModels {

    static final int MAX_LISTED_VALUES = 20;
    static final int MAX_LINKS_PER_GROUP = 3;
    private static final JsonMapper JSON = Json.mapper();
    private static final Map<String, String> KIND_LABELS = Map.ofEntries(
            Map.entry(TimelineKinds.INCIDENT_OPENED, "Opened"),
            Map.entry(TimelineKinds.STATUS_CHANGED, "Status"),
            Map.entry(TimelineKinds.SEVERITY_CHANGED, "Severity"),
            Map.entry(TimelineKinds.ROLE_ASSIGNED, "Role"),
            Map.entry(TimelineKinds.ALERT_FIRING, "Alert firing"),
            Map.entry(TimelineKinds.ALERT_RESOLVED, "Alert resolved"),
            Map.entry(TimelineKinds.AUTO_RESOLVED, "Auto-resolved"),
            Map.entry(TimelineKinds.NOTE, "Note"),
            Map.entry(TimelineKinds.SLACK_MESSAGE, "Slack"),
            Map.entry(TimelineKinds.FOLLOW_UP, "Follow-up"),
            Map.entry(TimelineKinds.PAGE, "Page"),
            Map.entry(TimelineKinds.PAGE_ACKNOWLEDGED, "Page acknowledged"),
            Map.entry(TimelineKinds.RUNBOOK_STEP, "Runbook"),
            Map.entry(TimelineKinds.INTEGRATION_WARNING, "Warning"),
            Map.entry(TimelineKinds.CORRECTION, "Correction"),
            Map.entry(TimelineKinds.STORM_STARTED, "Alert storm"),
            Map.entry(TimelineKinds.STORM_GROUP, "Alert group"));

    private PostmortemModels() {}

    /**
     * @param activityImageUrl where the alert-activity chart is (relative or absolute), or null for none
     */
    public static PostmortemModel build(PostmortemInput input, String activityImageUrl) {
        Incident i = input.incident();
        List<Entry> current = withoutSuperseded(input.timeline());
        return new PostmortemModel(
                i.reference(),
                i.title(),
                i.severity(),
                i.status(),
                i.source(),
                orNone(i.commander()),
                orNone(i.scribe()),
                orNone(i.comms()),
                responders(i, input.timeline()),
                Durations.utc(i.detectedAt()),
                Durations.utc(i.openedAt()),
                Durations.utc(i.acknowledgedAt()),
                Durations.utc(i.mitigatedAt()),
                Durations.utc(i.resolvedAt()),
                Durations.utc(input.generatedAt()),
                i.summary() == null || i.summary().isBlank() ? null : i.summary(),
                labelValues(i, input.alerts(), "service"),
                labelValues(i, input.alerts(), "namespace"),
                labelValues(i, input.alerts(), "cluster"),
                metrics(i),
                Durations.between(i.detectedAt(), i.openedAt()),
                detectionNote(i, input.alerts()),
                activityImageUrl == null
                        ? null
                        : Markdown.image("Alert activity. " + ActivityChart.description(input), activityImageUrl),
                timelineRows(current),
                alertGroups(input.alerts()),
                stormGroups(input.stormGroups()),
                input.alerts().size(),
                i.truncatedAlerts(),
                runbookSteps(current),
                actionItems(current),
                labelsBlock(i));
    }

    static List<PostmortemModel.Metric> metrics(Incident i) {
        return List.of(
                metric("Time to acknowledge", i, i.acknowledgedAt()),
                metric("Time to mitigate", i, i.mitigatedAt()),
                metric("Time to resolve", i, i.resolvedAt()));
    }

    private static PostmortemModel.Metric metric(String name, Incident i, Instant milestone) {
        return new PostmortemModel.Metric(
                name,
                Durations.utc(milestone),
                Durations.between(i.detectedAt(), milestone),
                Durations.between(i.openedAt(), milestone));
    }

    /**
     * When the first alert started long before the incident was opened (an old alert resent, or Firebreak connected
     * late), a sentence saying so: the times from detection then include that gap.
     */
    static String detectionNote(Incident i, List<AlertFact> alerts) {
        if (i.detectedAt() == null
                || i.openedAt() == null
                || java.time.Duration.between(i.detectedAt(), i.openedAt()).compareTo(ChartAxis.MIN_BREAK) < 0) {
            return null;
        }
        String first = null;
        for (AlertFact a : alerts) {
            if (i.detectedAt().equals(a.startsAt())
                    && a.alertname() != null
                    && !a.alertname().isBlank()) {
                first = a.alertname();
                break;
            }
        }
        return "The first alert" + (first == null ? "" : " (" + first + ")") + " started "
                + Durations.utc(i.detectedAt())
                + ", " + Durations.between(i.detectedAt(), i.openedAt())
                + " before the incident was opened (an old alert"
                + " resent by Alertmanager, or Firebreak connected late). The times from detection include that gap;"
                + " the times from opening measure the response.";
    }

    /** Entries that no later entry corrects. */
    static List<Entry> withoutSuperseded(List<Entry> entries) {
        Set<Long> superseded = new HashSet<>();
        for (Entry e : entries) {
            if (e.supersedesId() != null) {
                superseded.add(e.supersedesId());
            }
        }
        if (superseded.isEmpty()) {
            return entries;
        }
        List<Entry> out = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            if (!superseded.contains(e.id())) {
                out.add(e);
            }
        }
        return out;
    }

    private static List<PostmortemModel.TimelineRow> timelineRows(List<Entry> entries) {
        List<PostmortemModel.TimelineRow> rows = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            rows.add(new PostmortemModel.TimelineRow(
                    Durations.utc(e.occurredAt()),
                    KIND_LABELS.getOrDefault(e.kind(), e.kind()),
                    e.actor(),
                    e.text(),
                    e.keyEvent(),
                    e.supersedesId() != null,
                    Links.isWebUrl(e.link()) ? Markdown.link("link", e.link()) : ""));
        }
        return rows;
    }

    private static List<PostmortemModel.StormGroup> stormGroups(List<PostmortemInput.StormGroup> groups) {
        return groups.stream()
                .map(g -> new PostmortemModel.StormGroup(
                        g.number(),
                        g.title(),
                        g.severity(),
                        switch (g.state()) {
                            case "RESOLVED" -> "resolved";
                            case "SPLIT" -> "split out into " + g.splitTo();
                            default -> "firing";
                        },
                        Durations.utc(g.joinedAt()),
                        Durations.utc(g.splitAt() != null ? g.splitAt() : g.resolvedAt()),
                        g.state().equals("SPLIT") ? "–" : g.firingAlerts() + " of " + g.totalAlerts() + " firing"))
                .toList();
    }

    private static List<PostmortemModel.AlertGroup> alertGroups(List<AlertFact> alerts) {
        Map<String, List<AlertFact>> byName = new LinkedHashMap<>();
        for (AlertFact a : alerts) {
            String name = a.alertname() == null || a.alertname().isBlank() ? "(no alertname)" : a.alertname();
            byName.computeIfAbsent(name, k -> new ArrayList<>()).add(a);
        }
        List<PostmortemModel.AlertGroup> groups = new ArrayList<>(byName.size());
        byName.forEach((name, list) -> {
            Instant first = null;
            Instant last = null;
            int firing = 0;
            Set<String> urls = new LinkedHashSet<>();
            for (AlertFact a : list) {
                first = min(first, a.startsAt());
                Instant seen = !a.firing() && a.endsAt() != null ? a.endsAt() : a.lastSeenAt();
                last = max(last, seen == null ? a.startsAt() : seen);
                firing += a.firing() ? 1 : 0;
                if (urls.size() < MAX_LINKS_PER_GROUP && Links.isWebUrl(a.generatorUrl())) {
                    urls.add(a.generatorUrl());
                }
            }
            List<String> links = new ArrayList<>();
            int n = 1;
            for (String url : urls) {
                links.add(Markdown.link("source " + n++, url));
            }
            groups.add(new PostmortemModel.AlertGroup(
                    name, list.size(), firing, Durations.utc(first), Durations.utc(last), String.join(" ", links)));
        });
        groups.sort((a, b) -> a.firstSeen().compareTo(b.firstSeen()));
        return groups;
    }

    private static List<PostmortemModel.RunbookStep> runbookSteps(List<Entry> entries) {
        List<PostmortemModel.RunbookStep> steps = new ArrayList<>();
        for (Entry e : entries) {
            if (TimelineKinds.RUNBOOK_STEP.equals(e.kind())) {
                steps.add(new PostmortemModel.RunbookStep(Durations.utc(e.occurredAt()), e.actor(), e.text()));
            }
        }
        return steps;
    }

    private static List<PostmortemModel.ActionItem> actionItems(List<Entry> entries) {
        List<PostmortemModel.ActionItem> items = new ArrayList<>();
        for (Entry e : entries) {
            if (TimelineKinds.FOLLOW_UP.equals(e.kind())) {
                items.add(new PostmortemModel.ActionItem(
                        items.size() + 1, e.text(), owner(e.data()), e.actor(), Durations.utc(e.occurredAt())));
            }
        }
        return items;
    }

    /** The owner's name from a follow-up's data ({@code {"owner":"U1","ownerName":"alice"}}), or "unassigned". */
    static String owner(String data) {
        if (data == null || data.isBlank()) {
            return "unassigned";
        }
        try {
            JsonNode node = JSON.readTree(data);
            JsonNode name = node.get("ownerName");
            JsonNode id = node.get("owner");
            if (name != null && name.isString() && !name.asString().isBlank()) {
                return "@" + name.asString();
            }
            return id != null && id.isString() ? "@" + id.asString() : "unassigned";
        } catch (RuntimeException e) {
            return "unassigned";
        }
    }

    private static String responders(Incident i, List<Entry> entries) {
        Set<String> roles = new HashSet<>();
        for (String r : new String[] {i.commander(), i.scribe(), i.comms()}) {
            if (r != null) {
                roles.add(r);
            }
        }
        Set<String> people = new LinkedHashSet<>();
        for (Entry e : entries) {
            if (e.actorRef() != null && e.actor() != null && !roles.contains(e.actor())) {
                people.add(e.actor());
            }
        }
        if (people.isEmpty()) {
            return "none recorded";
        }
        List<String> list = new ArrayList<>(people);
        if (list.size() > MAX_LISTED_VALUES) {
            int more = list.size() - MAX_LISTED_VALUES;
            return String.join(", ", list.subList(0, MAX_LISTED_VALUES)) + " and " + more + " more";
        }
        return String.join(", ", list);
    }

    private static String labelValues(Incident i, List<AlertFact> alerts, String label) {
        Set<String> values = new TreeSet<>();
        addValue(values, i.labels().get(label));
        for (AlertFact a : alerts) {
            addValue(values, a.labels().get(label));
        }
        List<String> list = new ArrayList<>(values);
        if (list.size() > MAX_LISTED_VALUES) {
            int more = list.size() - MAX_LISTED_VALUES;
            list = new ArrayList<>(list.subList(0, MAX_LISTED_VALUES));
            list.add("and " + more + " more");
        }
        return list.isEmpty() ? "none found in the labels" : String.join(", ", list);
    }

    private static void addValue(Set<String> values, String value) {
        if (value != null && !value.isBlank()) {
            values.add(value);
        }
    }

    private static String labelsBlock(Incident i) {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(i.labels())
                .forEach((k, v) -> sb.append(k).append('=').append(quote(v)).append('\n'));
        return Markdown.codeBlock(sb.toString());
    }

    private static String quote(String v) {
        return '"'
                + (v == null
                        ? ""
                        : v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n"))
                + '"';
    }

    private static String orNone(String s) {
        return s == null || s.isBlank() ? "unassigned" : s;
    }

    private static Instant min(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }
}
