package dev.firebreak.runbook;

import dev.firebreak.runbooks.steps.StepStatus;
import dev.firebreak.slack.SlackMrkdwn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How runs read in Slack and on the timeline: pure functions of (already masked) data. */
final class RunMessages {

    static final String APPROVE = "runbook.approve";
    static final String DENY = "runbook.deny";

    private RunMessages() {}

    static String esc(String text) {
        return text == null ? "" : SlackMrkdwn.escape(text);
    }

    static String cap(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, Math.max(0, max - 1)) + "…";
    }

    static String duration(Duration d) {
        if (d == null) {
            return "";
        }
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        if (ms < 3_600_000) {
            return (ms / 60_000) + " min" + (ms % 60_000 >= 1000 ? " " + (ms % 60_000) / 1000 + " s" : "");
        }
        return (ms / 3_600_000) + " h " + (ms % 3_600_000) / 60_000 + " min";
    }

    static String errorText(Exception e) {
        String message = e.getMessage();
        return cap(e.getClass().getSimpleName() + (message == null ? "" : ": " + message), 500);
    }

    static String status(RunStatus status) {
        return switch (status) {
            case PENDING -> ":hourglass_flowing_sand: starting";
            case QUEUED -> ":double_vertical_bar: queued";
            case RUNNING -> ":arrow_forward: running";
            case WAITING -> ":hourglass: waiting";
            case SUCCEEDED -> ":white_check_mark: succeeded";
            case FAILED -> ":x: failed";
            case CANCELLED -> ":no_entry_sign: cancelled";
            case TIMED_OUT -> ":alarm_clock: timed out";
            case INTERRUPTED -> ":warning: interrupted";
        };
    }

    static String icon(StepStatus status) {
        return switch (status) {
            case RUNNING -> ":arrow_forward:";
            case WAITING, POLLING -> ":hourglass:";
            case AWAITING_APPROVAL -> ":raised_hand:";
            case SUCCEEDED, APPROVED, ENDED_RUN -> ":white_check_mark:";
            case FAILED, FAILED_RUN -> ":x:";
            case SKIPPED -> ":fast_forward:";
            case TIMED_OUT -> ":alarm_clock:";
            case INTERRUPTED -> ":warning:";
            case DENIED -> ":no_entry:";
            case CANCELLED -> ":no_entry_sign:";
            case PLANNED -> ":memo:";
        };
    }

    static String headline(RunView run) {
        return "#" + run.id() + " `" + esc(run.runbook()) + "`" + run.dryRunNote() + " — " + status(run.status());
    }

    /** One step as a line of the run message. */
    static String stepLine(RunView.StepView s) {
        StringBuilder sb = new StringBuilder(icon(s.status()))
                .append(" `")
                .append(esc(s.id()))
                .append("` ")
                .append(esc(s.type()));
        if (s.attempt() > 1) {
            sb.append(" (attempt ").append(s.attempt()).append(')');
        }
        sb.append(" — ").append(s.status().name().toLowerCase().replace('_', ' '));
        if (s.durationMillis() != null && s.status().terminal()) {
            sb.append(" in ").append(duration(Duration.ofMillis(s.durationMillis())));
        }
        String detail = s.error() != null ? s.error() : s.summary();
        if (detail != null && !detail.isBlank()) {
            sb.append(": ").append(esc(cap(detail.replace('\n', ' '), 300)));
        }
        if (s.planned() != null) {
            sb.append("\n      would send: `")
                    .append(esc(cap(RunJson.write(s.planned()), 400)).replace('`', '\''))
                    .append('`');
        }
        return sb.toString();
    }

    /** The one message per run: fallback text. */
    static String text(RunView run) {
        return cap(
                "Runbook run " + "#" + run.id() + " " + run.runbook() + ": "
                        + run.status().name().toLowerCase(),
                300);
    }

    /** The one message per run: Block Kit blocks, with approval buttons while an approval waits. */
    static List<Map<String, Object>> blocks(RunView run, String incidentId) {
        List<Map<String, Object>> blocks = new ArrayList<>();
        StringBuilder head = new StringBuilder("*Runbook* " + headline(run) + "\n" + esc(cap(run.title(), 200)));
        head.append("\n_Requested by ")
                .append(esc(run.requestedBy()))
                .append(" via ")
                .append(esc(run.requestedVia()))
                .append('_');
        blocks.add(section(cap(head.toString(), 2900)));
        StringBuilder steps = new StringBuilder();
        for (RunView.StepView s : run.steps()) {
            String line = stepLine(s);
            if (steps.length() + line.length() > 2800) {
                steps.append("\n…");
                break;
            }
            steps.append(steps.length() == 0 ? "" : "\n").append(line);
        }
        if (steps.length() > 0) {
            blocks.add(section(steps.toString()));
        }
        if (run.reason() != null && run.status().isFinal()) {
            blocks.add(Map.of("type", "context", "elements", List.of(mrkdwn(esc(cap(run.reason(), 2000))))));
        }
        run.steps().stream()
                .filter(s -> s.status() == StepStatus.AWAITING_APPROVAL)
                .reduce((a, b) -> b)
                .ifPresent(s -> {
                    String value = run.id() + ":" + s.attempt() + ":" + s.id() + ":" + incidentId;
                    blocks.add(Map.of(
                            "type",
                            "actions",
                            "block_id",
                            "runbook-approval:" + run.id(),
                            "elements",
                            List.of(
                                    button(APPROVE, "Approve", value, "primary"),
                                    button(DENY, "Deny", value, "danger"))));
                });
        return blocks;
    }

    /** The timeline text of a finished step. */
    static String timelineText(RunView run, RunView.StepView s) {
        StringBuilder sb = new StringBuilder("Runbook ")
                .append(run.runbook())
                .append(" run #")
                .append(run.id())
                .append(run.dryRunNote())
                .append(": step ")
                .append(s.id())
                .append(" (")
                .append(s.type())
                .append(") ")
                .append(s.status().name().toLowerCase().replace('_', ' '));
        if (s.durationMillis() != null) {
            sb.append(" in ").append(duration(Duration.ofMillis(s.durationMillis())));
        }
        String detail = s.error() != null ? s.error() : s.summary();
        if (detail != null && !detail.isBlank()) {
            sb.append(" — ").append(cap(detail.replace('\n', ' '), 500));
        }
        return sb.toString();
    }

    private static Map<String, Object> button(String actionId, String label, String value, String style) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("type", "button");
        b.put("action_id", actionId);
        b.put("text", Map.of("type", "plain_text", "text", label));
        b.put("value", value);
        b.put("style", style);
        return b;
    }

    private static Map<String, Object> section(String text) {
        return Map.of("type", "section", "text", mrkdwn(text));
    }

    private static Map<String, Object> mrkdwn(String text) {
        return Map.of("type", "mrkdwn", "text", text);
    }
}
