package dev.firebreak.slack.command;

import dev.firebreak.incident.Incident;
import dev.firebreak.incident.Severity;
import dev.firebreak.slack.SlackMrkdwn;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsing of {@code /incident} text. Pure functions; unit-tested without Slack. */
final class CommandText {

    private static final Pattern INCIDENT_REF = Pattern.compile("(?i)" + Incident.REFERENCE_PREFIX + "\\d{1,18}");
    private static final Pattern SEVERITY_WORD = Pattern.compile("(?i)sev([1-4])");

    /** {@code /incident <name> [INC-n] <args>}. */
    record Parsed(String name, String incidentRef, String args) {}

    /** A title and severity from {@code declare <title> [sev1..sev4]}. */
    record Declaration(String title, Severity severity) {}

    /** A Slack user from {@code <@U123|name>} (name may be null). */
    record UserRef(String id, String name) {
        String mention() {
            return SlackMrkdwn.mention(id);
        }
    }

    private CommandText() {}

    static Parsed parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return new Parsed("help", null, "");
        }
        String[] first = t.split("\\s+", 2);
        String name = first[0].toLowerCase(Locale.ROOT);
        String rest = first.length > 1 ? first[1].strip() : "";
        String ref = null;
        String[] next = rest.split("\\s+", 2);
        if (!rest.isEmpty() && INCIDENT_REF.matcher(next[0]).matches()) {
            ref = next[0].toUpperCase(Locale.ROOT);
            rest = next.length > 1 ? next[1].strip() : "";
        }
        return new Parsed(name, ref, unescape(rest));
    }

    /** Slack sends typed {@code & < >} as entities; timeline and titles store the plain text. */
    static String unescape(String text) {
        return SlackMrkdwn.unescape(text);
    }

    /** {@code Checkout down sev2} -> ("Checkout down", SEV2); without a severity word, SEV3. */
    static Declaration declaration(String args, Severity defaultSeverity) {
        String t = args == null ? "" : args.strip();
        Severity severity = defaultSeverity;
        int space = t.lastIndexOf(' ');
        String last = space < 0 ? t : t.substring(space + 1);
        Matcher m = SEVERITY_WORD.matcher(last);
        if (m.matches()) {
            severity = Severity.parse(m.group(1)).orElseThrow();
            t = space < 0 ? "" : t.substring(0, space).strip();
        }
        return new Declaration(t, severity);
    }

    /** The first user mention in the text, as Slack sends it with escaping on ({@code <@U123|alice>}). */
    static Optional<UserRef> user(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = SlackMrkdwn.USER_MENTION.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        String name = m.group(2) == null || m.group(2).isBlank() ? null : m.group(2);
        return Optional.of(new UserRef(m.group(1), name));
    }

    /** Whether a stored role holder is a Slack user id ({@code U123}), rendered as a mention. */
    static boolean isUserId(String text) {
        return text != null && SlackMrkdwn.USER_ID.matcher(text).matches();
    }

    /** Whether a stored role holder is exactly a Slack mention (safe to show unescaped). */
    static boolean isMention(String text) {
        return text != null && SlackMrkdwn.USER_MENTION.matcher(text).matches();
    }
}
