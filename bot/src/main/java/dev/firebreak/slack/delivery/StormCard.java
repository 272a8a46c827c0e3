package dev.firebreak.slack.delivery;

import static dev.firebreak.slack.delivery.SlackText.cap;
import static dev.firebreak.slack.delivery.SlackText.esc;

import dev.firebreak.incident.IncidentGroup;
import dev.firebreak.incident.Severity;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The storm incident's part of the status card: its alert groups (still firing first), their alert counts, the
 * labels most groups share, and how to split one out. Pure; every string from alerts is escaped.
 */
final class StormCard {

    static final int SHOWN_GROUPS = 15;
    static final int TOP_LABELS = 5;
    private static final Set<String> SKIPPED_LABELS = Set.of("severity");

    private StormCard() {}

    /** One group as the card shows it; {@code splitTo} is the reference of its own incident once split out. */
    record Group(
            int ordinal,
            String title,
            Severity severity,
            IncidentGroup.State state,
            int firing,
            int total,
            Map<String, String> labels,
            String splitTo) {}

    static String text(List<Group> groups) {
        long firing = groups.stream()
                .filter(g -> g.state() == IncidentGroup.State.FIRING)
                .count();
        long resolved = groups.stream()
                .filter(g -> g.state() == IncidentGroup.State.RESOLVED)
                .count();
        long split = groups.size() - firing - resolved;
        StringBuilder sb = new StringBuilder(":thunder_cloud_and_rain: *Alert storm:* ")
                .append(groups.size())
                .append(groups.size() == 1 ? " alert group" : " alert groups")
                .append(" · ")
                .append(firing)
                .append(" firing · ")
                .append(resolved)
                .append(" resolved");
        if (split > 0) {
            sb.append(" · ").append(split).append(" split out");
        }
        String top = topLabels(groups);
        if (!top.isEmpty()) {
            sb.append("\n*Top labels:* ").append(top);
        }
        List<Group> ordered = groups.stream()
                .sorted(Comparator.comparing((Group g) -> g.state().ordinal())
                        .thenComparing(Group::severity)
                        .thenComparing(Group::ordinal))
                .toList();
        ordered.stream().limit(SHOWN_GROUPS).forEach(g -> sb.append('\n').append(line(g)));
        StringBuilder tail = new StringBuilder();
        if (ordered.size() > SHOWN_GROUPS) {
            tail.append("\n_+").append(ordered.size() - SHOWN_GROUPS).append(" more groups_");
        }
        tail.append("\n_Split a group into its own incident: `/incident split &lt;#&gt;`_");
        return cap(sb.toString(), SlackText.SECTION_TEXT - tail.length()) + tail;
    }

    private static String line(Group g) {
        String icon = switch (g.state()) {
            case FIRING -> ":red_circle:";
            case RESOLVED -> ":large_green_circle:";
            case SPLIT -> ":arrow_right:";
        };
        String counts = switch (g.state()) {
            case SPLIT -> "split out into " + (g.splitTo() == null ? "its own incident" : g.splitTo());
            default -> g.firing() + "/" + g.total() + " firing";
        };
        return icon + " *#" + g.ordinal() + "* " + esc(cap(g.title(), 120)) + " — " + g.severity() + ", " + counts;
    }

    /** The label pairs shared by the most groups (at least two), e.g. {@code cluster=eu-1 (12)}. */
    static String topLabels(List<Group> groups) {
        Map<String, Integer> counts = new HashMap<>();
        for (Group g : groups) {
            g.labels().forEach((k, v) -> {
                if (!SKIPPED_LABELS.contains(k)) {
                    counts.merge(esc(cap(k, 40)) + "=" + esc(cap(v, 60)), 1, Integer::sum);
                }
            });
        }
        return counts.entrySet().stream()
                .filter(e -> e.getValue() >= 2)
                .sorted(Map.Entry.<String, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_LABELS)
                .map(e -> e.getKey() + " (" + e.getValue() + ")")
                .collect(Collectors.joining(", "));
    }
}
