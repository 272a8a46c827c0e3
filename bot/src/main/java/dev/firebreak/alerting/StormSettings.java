package dev.firebreak.alerting;

import dev.firebreak.incident.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code firebreak.storm.*}: the storm breaker. When {@code threshold} alert-opened incidents already opened within
 * {@code window}, further alert groups join one storm incident instead of opening their own, until no new group
 * arrived for {@code window}. Groups matching an {@code exemption} always open their own incident.
 *
 * @param enabled    the off switch
 * @param threshold  how many incidents may open within the window before a storm starts (N in "more than N")
 * @param window     the window W for counting openings; also how long a storm lasts after its last new group
 * @param exemptions rules for groups that always open their own incident (any rule matching exempts the group)
 */
@ConfigurationProperties("firebreak.storm")
public record StormSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("10") int threshold,
        @DefaultValue("2m") Duration window,
        List<Exemption> exemptions) {

    public StormSettings {
        if (threshold < 1) {
            throw new IllegalArgumentException("firebreak.storm.threshold must be at least 1, was " + threshold);
        }
        Objects.requireNonNull(window, "firebreak.storm.window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("firebreak.storm.window must be positive, was " + window);
        }
        exemptions = exemptions == null ? List.of() : List.copyOf(exemptions);
    }

    /** The settings with no exemptions (tests, the replay simulator). */
    public static StormSettings of(boolean enabled, int threshold, Duration window) {
        return new StormSettings(enabled, threshold, window, List.of());
    }

    /**
     * One exemption rule; it matches a group when every condition it names holds: the group's severity is one of
     * {@code severities}, its Alertmanager receiver (the route) is one of {@code receivers}, and every matcher
     * (Alertmanager syntax: {@code name="v"}, {@code name!="v"}, {@code name=~"re"}, {@code name!~"re"}, regexes
     * anchored) matches the group's common labels. A rule that names nothing matches nothing.
     */
    public record Exemption(Set<Severity> severities, Set<String> receivers, List<String> matchers) {

        private static final Pattern MATCHER = Pattern.compile(
                "\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|(\\S*))\\s*");

        public Exemption {
            severities = severities == null ? Set.of() : Set.copyOf(severities);
            receivers = receivers == null ? Set.of() : Set.copyOf(receivers);
            matchers = matchers == null ? List.of() : List.copyOf(matchers);
            matchers.forEach(Exemption::parse); // fail at start-up, not on the first storm
        }

        public static Exemption severities(Severity... severities) {
            return new Exemption(Set.of(severities), null, null);
        }

        public static Exemption matchers(String... matchers) {
            return new Exemption(null, null, List.of(matchers));
        }

        public static Exemption receivers(String... receivers) {
            return new Exemption(null, Set.of(receivers), null);
        }

        boolean isEmpty() {
            return severities.isEmpty() && receivers.isEmpty() && matchers.isEmpty();
        }

        boolean matches(Severity severity, Map<String, String> labels, String receiver) {
            if (isEmpty()) {
                return false;
            }
            if (!severities.isEmpty() && !severities.contains(severity)) {
                return false;
            }
            if (!receivers.isEmpty() && (receiver == null || !receivers.contains(receiver))) {
                return false;
            }
            for (String m : matchers) {
                if (!parse(m).test(labels)) {
                    return false;
                }
            }
            return true;
        }

        /** How the rule reads in a timeline entry or a log line. */
        String describe() {
            StringBuilder b = new StringBuilder();
            if (!severities.isEmpty()) {
                b.append("severity in ").append(severities.stream().sorted().toList());
            }
            if (!receivers.isEmpty()) {
                b.append(b.isEmpty() ? "" : ", ")
                        .append("receiver in ")
                        .append(receivers.stream().sorted().toList());
            }
            if (!matchers.isEmpty()) {
                b.append(b.isEmpty() ? "" : ", ").append("labels ").append(String.join(", ", matchers));
            }
            return b.toString();
        }

        static LabelMatcher parse(String matcher) {
            var m = matcher == null ? null : MATCHER.matcher(matcher);
            if (m == null || !m.matches()) {
                throw new IllegalArgumentException("firebreak.storm.exemptions: not a label matcher: " + matcher
                        + " (use name=\"value\", name!=\"value\", name=~\"regex\" or name!~\"regex\")");
            }
            String value = m.group(3) != null ? m.group(3).replaceAll("\\\\(.)", "$1") : m.group(4);
            String op = m.group(2);
            Pattern regex = null;
            if (op.endsWith("~")) {
                try {
                    regex = Pattern.compile(value);
                } catch (PatternSyntaxException e) {
                    throw new IllegalArgumentException("firebreak.storm.exemptions: bad regex in " + matcher, e);
                }
            }
            return new LabelMatcher(m.group(1), op, value, regex);
        }
    }

    /** One parsed label matcher; a missing label reads as the empty string, as in Alertmanager. */
    record LabelMatcher(String name, String op, String value, Pattern regex) {

        boolean test(Map<String, String> labels) {
            String actual = labels.getOrDefault(name, "");
            return switch (op) {
                case "=" -> actual.equals(value);
                case "!=" -> !actual.equals(value);
                case "=~" -> regex.matcher(actual).matches();
                default -> !regex.matcher(actual).matches();
            };
        }
    }
}
