package dev.firebreak.replay;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What a capture does under one configuration: the incidents that would open (with their alert groups), the pages
 * (route and escalation policy, never the routing key), the channels, the runbooks that would start or be offered, and
 * the storm incidents. Serialized as JSON for {@code --json} and {@code --expect}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record ReplayReport(String config, Counts counts, List<Incident> incidents, List<String> notes) {

    ReplayReport {
        incidents = incidents == null ? List.of() : List.copyOf(incidents);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    record Counts(
            int notifications,
            int processed,
            int refused,
            int skippedBeforeIntake,
            int ignoredNoOpenIncident,
            int incidents,
            int stormIncidents,
            int pages,
            int channels,
            int runbookStarts) {}

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Incident(
            String ref,
            String opened,
            String severity,
            String title,
            String status,
            boolean storm,
            List<String> groups,
            String page,
            String channel,
            List<String> runbooksStarted,
            List<String> runbooksOffered,
            int notifications,
            int alerts,
            int firing) {

        Incident {
            groups = groups == null ? List.of() : List.copyOf(groups);
            runbooksStarted = runbooksStarted == null ? List.of() : List.copyOf(runbooksStarted);
            runbooksOffered = runbooksOffered == null ? List.of() : List.copyOf(runbooksOffered);
        }
    }

    /**
     * The decisions per incident, keyed without incident numbers (which shift when another incident opens or not):
     * "incident opened <time> for <groups>" -> field -> value. For diffs.
     */
    java.util.Map<String, java.util.Map<String, String>> decisions() {
        java.util.Map<String, java.util.Map<String, String>> out = new java.util.LinkedHashMap<>();
        for (Incident i : incidents) {
            String who = (i.storm() ? "storm incident" : "incident") + " opened " + i.opened() + " for "
                    + String.join(" + ", i.groups());
            java.util.Map<String, String> d = new java.util.LinkedHashMap<>();
            d.put("severity", i.severity());
            d.put("title", i.title());
            d.put("status", i.status());
            d.put("page", i.page() == null ? "none" : i.page());
            d.put("runbooks started", i.runbooksStarted().isEmpty() ? "none" : String.join(", ", i.runbooksStarted()));
            d.put("runbooks offered", i.runbooksOffered().isEmpty() ? "none" : String.join(", ", i.runbooksOffered()));
            out.put(who, d);
        }
        return out;
    }

    String text() {
        StringBuilder out = new StringBuilder();
        out.append("Replay with ").append(config).append('\n');
        out.append(String.format(
                "%d notifications: %d processed, %d refused by intake, %d refused before intake, "
                        + "%d resolved without an open incident%n",
                counts.notifications(),
                counts.processed(),
                counts.refused(),
                counts.skippedBeforeIntake(),
                counts.ignoredNoOpenIncident()));
        out.append(String.format(
                "%d incidents (%d storm incidents), %d pages, %d channels, %d runbook starts%n%n",
                counts.incidents(),
                counts.stormIncidents(),
                counts.pages(),
                counts.channels(),
                counts.runbookStarts()));
        for (Incident i : incidents) {
            out.append(i.ref())
                    .append(i.storm() ? "  STORM" : "")
                    .append("  [")
                    .append(i.severity())
                    .append("] ")
                    .append(i.title())
                    .append('\n');
            out.append("    opened   ")
                    .append(i.opened())
                    .append(", now ")
                    .append(i.status())
                    .append(", ")
                    .append(i.notifications())
                    .append(" notifications, ")
                    .append(i.alerts())
                    .append(" alerts (")
                    .append(i.firing())
                    .append(" firing)\n");
            for (String g : i.groups()) {
                out.append("    group    ").append(g).append('\n');
            }
            out.append("    page     ")
                    .append(i.page() == null ? "none" : i.page())
                    .append('\n');
            out.append("    channel  #").append(i.channel()).append('\n');
            for (String r : i.runbooksStarted()) {
                out.append("    runbook  ").append(r).append(" (starts automatically)\n");
            }
            for (String r : i.runbooksOffered()) {
                out.append("    runbook  ").append(r).append(" (offered on the card)\n");
            }
        }
        for (String n : notes) {
            out.append("note: ").append(n).append('\n');
        }
        return out.toString();
    }
}
