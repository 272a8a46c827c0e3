package dev.firebreak.postmortem;

import java.util.List;

/**
 * What the template lays out. Plain strings are untrusted and written with {@code {{name}}} (escaped as
 * literal Markdown); fields documented as Markdown were built here and are written with {@code {{{name}}}}.
 */
public record PostmortemModel(
        String reference,
        String title,
        String severity,
        String status,
        String source,
        String commander,
        String scribe,
        String comms,
        String responders,
        String detected,
        String opened,
        String acknowledged,
        String mitigated,
        String resolved,
        String generated,
        String summary,
        String services,
        String namespaces,
        String clusters,
        List<Metric> metrics,
        String detectedToOpened,
        String detectionNote,
        /* Markdown */ String activityImage,
        List<TimelineRow> timeline,
        List<AlertGroup> alertGroups,
        List<StormGroup> stormGroups,
        int alertCount,
        int truncatedAlerts,
        List<RunbookStep> runbookSteps,
        List<ActionItem> actionItems,
        /* Markdown */ String labelsBlock) {

    /** A response metric: when the milestone was reached, and how long from detection (first alert) and from opening. */
    public record Metric(String name, String at, String fromDetection, String fromOpening) {}

    /** {@code link} is Markdown (empty when there is none). */
    public record TimelineRow(
            String time, String kind, String actor, String text, boolean key, boolean correction, String link) {}

    /** {@code links} is Markdown. */
    public record AlertGroup(
            String alertname, int count, int firing, String firstSeen, String lastSeen, String links) {}

    /** A storm incident's alert group: when it joined and how it left (resolved, split out, still firing). */
    public record StormGroup(
            int number, String title, String severity, String state, String joined, String left, String alerts) {}

    public record RunbookStep(String time, String actor, String text) {}

    public record ActionItem(int number, String text, String owner, String addedBy, String added) {}

    public boolean hasAlerts() {
        return !alertGroups.isEmpty();
    }

    public boolean isStorm() {
        return !stormGroups.isEmpty();
    }

    public boolean hasActionItems() {
        return !actionItems.isEmpty();
    }

    public boolean hasTruncatedAlerts() {
        return truncatedAlerts > 0;
    }
}
