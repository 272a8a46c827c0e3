package dev.firebreak.slack.delivery;

import static dev.firebreak.slack.delivery.SlackText.cap;
import static dev.firebreak.slack.delivery.SlackText.esc;
import static dev.firebreak.slack.delivery.SlackText.link;
import static dev.firebreak.slack.delivery.SlackText.person;

import dev.firebreak.incident.IncidentStatus;
import dev.firebreak.incident.Severity;
import dev.firebreak.slack.SlackActions;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The incident's status card: Block Kit blocks as plain maps (serialized to JSON by the caller). */
final class StatusCard {

    static final int SHOWN_ALERTS = 5;
    static final int MAX_BLOCKS = 50;
    private static final List<String> KEY_LABELS =
            List.of("service", "instance", "job", "namespace", "pod", "cluster", "severity");
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** The banner on the card of a drill incident (issue 14). */
    static final String DRILL_BANNER =
            ":construction: *DRILL* · this incident was played from a capture for a game day."
                    + " Nobody was paged; runbooks run in dry-run.";

    private StatusCard() {}

    /** Notification/fallback text (plain, short). */
    static String text(IncidentView v) {
        return cap(
                (v.drill() ? "[DRILL] " : "") + v.reference() + " [" + v.severity() + "] " + v.status() + ": "
                        + esc(v.title()),
                300);
    }

    static List<Map<String, Object>> blocks(IncidentView v) {
        return blocks(v, List.of());
    }

    /** With a row of {@code extra} buttons (at most five) offered by other modules, e.g. matching runbooks. */
    static List<Map<String, Object>> blocks(IncidentView v, List<dev.firebreak.slack.StatusCardButtons.Button> extra) {
        return blocks(v, extra, List.of());
    }

    /** With the alert groups of a storm incident ({@link StormCard}; none for other incidents). */
    static List<Map<String, Object>> blocks(
            IncidentView v,
            List<dev.firebreak.slack.StatusCardButtons.Button> extra,
            List<StormCard.Group> stormGroups) {
        List<Map<String, Object>> blocks = new ArrayList<>();
        blocks.add(
                Map.of("type", "header", "text", plain(cap(v.reference() + ": " + v.title(), SlackText.HEADER_TEXT))));
        if (v.drill()) {
            blocks.add(Map.of("type", "section", "block_id", "drill-banner", "text", mrkdwn(DRILL_BANNER)));
        }
        blocks.add(Map.of(
                "type",
                "section",
                "fields",
                List.of(
                        mrkdwn("*Severity*\n" + v.severity()),
                        mrkdwn("*Status*\n" + statusLabel(v.status())),
                        mrkdwn("*Commander*\n" + person(v.commander())),
                        mrkdwn("*Scribe*\n" + person(v.scribe())),
                        mrkdwn("*Comms*\n" + person(v.comms())))));
        if (v.summary() != null && !v.summary().isBlank()) {
            blocks.add(section(cap(esc(v.summary()), SlackText.SECTION_TEXT)));
        }
        if (!stormGroups.isEmpty()) {
            blocks.add(section(StormCard.text(stormGroups)));
        }
        if (!v.alerts().isEmpty() || v.truncatedAlerts() > 0) {
            blocks.add(section(alerts(v)));
        }
        String links = links(v);
        if (!links.isEmpty()) {
            blocks.add(Map.of("type", "context", "elements", List.of(mrkdwn(links))));
        }
        blocks.add(actions(v));
        if (!extra.isEmpty()) {
            blocks.add(Map.of(
                    "type",
                    "actions",
                    "block_id",
                    "incident-extra:" + v.id(),
                    "elements",
                    extra.stream()
                            .limit(5)
                            .map(b -> button(b.actionId(), cap(b.label(), 75), b.value(), null))
                            .toList()));
        }
        blocks.add(Map.of(
                "type",
                "context",
                "elements",
                List.of(mrkdwn("Opened " + TIME.format(v.openedAt()) + " · detected " + TIME.format(v.detectedAt())))));
        return blocks.size() > MAX_BLOCKS ? blocks.subList(0, MAX_BLOCKS) : blocks;
    }

    static String alerts(IncidentView v) {
        StringBuilder sb = new StringBuilder("*Alerts:* ")
                .append(v.firing())
                .append(" firing · ")
                .append(v.resolved())
                .append(" resolved");
        List<IncidentView.AlertView> ordered = new ArrayList<>(
                v.alerts().stream().filter(IncidentView.AlertView::firing).toList());
        ordered.addAll(v.alerts().stream().filter(a -> !a.firing()).toList());
        ordered.stream().limit(SHOWN_ALERTS).forEach(a -> sb.append('\n').append(alertLine(a)));
        int notShown = ordered.size() - Math.min(ordered.size(), SHOWN_ALERTS);
        StringBuilder tail = new StringBuilder();
        if (notShown > 0) {
            tail.append("\n_+").append(notShown).append(" more_");
        }
        if (v.truncatedAlerts() > 0) {
            tail.append("\n_+").append(v.truncatedAlerts()).append(" more not shown by Alertmanager_");
        }
        return cap(sb.toString(), SlackText.SECTION_TEXT - tail.length()) + tail;
    }

    private static String alertLine(IncidentView.AlertView a) {
        String icon = a.firing() ? ":red_circle:" : ":large_green_circle:";
        String name = esc(cap(a.alertname() == null ? "alert" : a.alertname(), 100));
        List<String> parts = new ArrayList<>();
        for (String key : KEY_LABELS) {
            String value = a.labels().get(key);
            if (value != null && parts.size() < 4) {
                parts.add(esc(cap(key, 40)) + "=" + esc(cap(value, 80)));
            }
        }
        if (parts.isEmpty()) {
            a.labels().entrySet().stream()
                    .filter(e -> !"alertname".equals(e.getKey()))
                    .limit(3)
                    .forEach(e -> parts.add(esc(cap(e.getKey(), 40)) + "=" + esc(cap(e.getValue(), 80))));
        }
        return icon + " *" + name + "*" + (parts.isEmpty() ? "" : " — " + String.join(", ", parts));
    }

    static String links(IncidentView v) {
        List<String> links = new ArrayList<>();
        links.add(link(v.externalUrl(), "Alertmanager"));
        v.alerts().stream()
                .map(IncidentView.AlertView::generatorUrl)
                .filter(url -> link(url, "") != null)
                .findFirst()
                .ifPresent(url -> links.add(link(url, "Graph")));
        v.alerts().stream()
                .map(IncidentView.AlertView::runbookUrl)
                .filter(url -> link(url, "") != null)
                .distinct()
                .limit(3)
                .forEach(url -> links.add(link(url, "Runbook")));
        return cap(String.join(" · ", links.stream().filter(Objects::nonNull).toList()), SlackText.SECTION_TEXT);
    }

    private static Map<String, Object> actions(IncidentView v) {
        String id = v.id().toString();
        List<Map<String, Object>> elements = new ArrayList<>();
        IncidentStatus s = v.status();
        if (s == IncidentStatus.TRIGGERED) {
            elements.add(button(SlackActions.ACKNOWLEDGE, "Acknowledge", id, "primary"));
        }
        if (s == IncidentStatus.TRIGGERED || s == IncidentStatus.ACKNOWLEDGED) {
            elements.add(button(SlackActions.MITIGATE, "Mitigated", id, null));
        }
        if (s.isOpen()) {
            elements.add(button(SlackActions.RESOLVE, "Resolve", id, "danger"));
            elements.add(severitySelect(v));
        }
        if (s == IncidentStatus.MITIGATED || s == IncidentStatus.RESOLVED) {
            elements.add(button(SlackActions.POSTMORTEM, "Post-mortem", id, null));
        }
        return Map.of("type", "actions", "block_id", blockId(v.id()), "elements", elements);
    }

    /** The block id of the card's buttons: also how a retry recognises a card it already posted. */
    static String blockId(java.util.UUID incidentId) {
        return "incident-card:" + incidentId;
    }

    /** Option values are {@code <incident uuid>:SEVn}, so the handler needs nothing else. */
    private static Map<String, Object> severitySelect(IncidentView v) {
        List<Map<String, Object>> options = new ArrayList<>();
        Map<String, Object> initial = null;
        for (Severity sev : Severity.values()) {
            Map<String, Object> option = Map.of("text", plain(sev.name()), "value", v.id() + ":" + sev.name());
            options.add(option);
            if (sev == v.severity()) {
                initial = option;
            }
        }
        Map<String, Object> select = new LinkedHashMap<>();
        select.put("type", "static_select");
        select.put("action_id", SlackActions.CHANGE_SEVERITY);
        select.put("placeholder", plain("Change severity"));
        select.put("options", options);
        if (initial != null) {
            select.put("initial_option", initial);
        }
        return select;
    }

    private static Map<String, Object> button(String actionId, String label, String value, String style) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("type", "button");
        b.put("action_id", actionId);
        b.put("text", plain(label));
        b.put("value", value);
        if (style != null) {
            b.put("style", style);
        }
        return b;
    }

    static String statusLabel(IncidentStatus status) {
        return switch (status) {
            case TRIGGERED -> ":rotating_light: Triggered";
            case ACKNOWLEDGED -> ":eyes: Acknowledged";
            case MITIGATED -> ":adhesive_bandage: Mitigated";
            case RESOLVED -> ":white_check_mark: Resolved";
        };
    }

    static Map<String, Object> plain(String text) {
        return Map.of("type", "plain_text", "text", text, "emoji", true);
    }

    static Map<String, Object> mrkdwn(String text) {
        return Map.of("type", "mrkdwn", "text", text);
    }

    private static Map<String, Object> section(String text) {
        return Map.of("type", "section", "text", mrkdwn(text));
    }
}
