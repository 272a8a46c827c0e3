package dev.firebreak.web;

import dev.firebreak.timeline.TimelineEntry;
import dev.firebreak.timeline.TimelineKinds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An incident's timeline as the console shows it: filtered by kind group, key events marked, corrected entries kept
 * (struck through, pointing at their correction) as the audit trail requires.
 */
public record TimelineView(List<Item> items, Set<String> groups, int hidden) {

    /** Kind groups a reader filters by, in display order, with the kinds (or kind prefixes) each covers. */
    static final Map<String, List<String>> GROUPS = kindGroups();

    public record Item(TimelineEntry entry, String group, Long supersededBy, boolean link) {}

    static TimelineView of(List<TimelineEntry> entries, Set<String> wanted) {
        Map<Long, Long> supersededBy = new HashMap<>();
        for (TimelineEntry e : entries) {
            if (e.getSupersedesId() != null) {
                supersededBy.merge(e.getSupersedesId(), e.getId(), Math::max);
            }
        }
        List<Item> items = new ArrayList<>();
        int hidden = 0;
        for (TimelineEntry e : entries) {
            String group = group(e.getKind());
            if (!wanted.isEmpty() && !wanted.contains(group)) {
                hidden++;
                continue;
            }
            String link = e.getLink();
            items.add(new Item(
                    e,
                    group,
                    supersededBy.get(e.getId()),
                    link != null && (link.startsWith("https://") || link.startsWith("http://"))));
        }
        return new TimelineView(items, wanted, hidden);
    }

    static String group(String kind) {
        for (Map.Entry<String, List<String>> g : GROUPS.entrySet()) {
            for (String k : g.getValue()) {
                if (kind.equals(k) || (k.endsWith(".") && kind.startsWith(k))) {
                    return g.getKey();
                }
            }
        }
        return "other";
    }

    private static Map<String, List<String>> kindGroups() {
        Map<String, List<String>> g = new LinkedHashMap<>();
        g.put("status", List.of("incident."));
        g.put("alerts", List.of("alert."));
        g.put(
                "people",
                List.of(
                        TimelineKinds.NOTE,
                        TimelineKinds.SLACK_MESSAGE,
                        TimelineKinds.FOLLOW_UP,
                        TimelineKinds.CORRECTION));
        g.put("paging", List.of(TimelineKinds.PAGE, "page."));
        g.put("runbooks", List.of("runbook."));
        g.put("warnings", List.of(TimelineKinds.INTEGRATION_WARNING));
        g.put("other", List.of());
        return g;
    }
}
