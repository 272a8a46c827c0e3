package dev.firebreak.runbooks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Masks secrets in anything shown outside the process (Slack, timeline, logs, API, post-mortem): every configured
 * secret value (longest first, so a secret containing another is masked whole) and values that look like tokens
 * (Slack {@code xoxb-}/{@code xoxp-}/{@code xapp-}, {@code Bearer ...}, AWS access keys {@code AKIA...}/{@code ASIA...},
 * PagerDuty integration/routing keys and API tokens, {@code password=...}).
 */
public final class Masker {

    public static final String MASK = "********";

    private static final List<Pattern> TOKEN_PATTERNS = List.of(
            Pattern.compile("xox[abposr]-[A-Za-z0-9-]{6,}"),
            Pattern.compile("xapp-[A-Za-z0-9-]{6,}"),
            Pattern.compile("(?i)(?<=\\bbearer\\s)[A-Za-z0-9._~+/=-]{6,}"),
            Pattern.compile("(?i)(?<=\\bbasic\\s)[A-Za-z0-9+/=]{8,}"),
            Pattern.compile("\\b(?:AKIA|ASIA|AGPA|AIDA|AROA)[A-Z0-9]{16}\\b"),
            // PagerDuty: integration/routing keys are 32 hex characters; REST API tokens start with u+ or y_NbAkKc.
            Pattern.compile("\\b[a-f0-9]{32}\\b"),
            Pattern.compile("\\bu\\+[A-Za-z0-9_-]{16,}"),
            Pattern.compile("\\by_NbAkKc[A-Za-z0-9_+-]{10,}"),
            Pattern.compile(
                    "(?i)(?<=(?:password|passwd|secret|token|api[_-]?key)[\"']?\\s?[=:]\\s?[\"']?)[^\\s\"'&,}]{4,}"));

    private static final Masker NONE = new Masker(List.of());

    private final List<String> secrets;

    public Masker(Collection<String> secretValues) {
        List<String> values = new ArrayList<>();
        for (String s : secretValues) {
            if (s != null && s.length() >= 3) {
                values.add(s);
            }
        }
        values.sort(Comparator.comparingInt(String::length).reversed());
        this.secrets = List.copyOf(values);
    }

    /** A masker that knows no configured secret (still masks token-looking values). */
    public static Masker tokensOnly() {
        return NONE;
    }

    public String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String s : secrets) {
            out = out.replace(s, MASK);
        }
        for (Pattern p : TOKEN_PATTERNS) {
            out = p.matcher(out).replaceAll(MASK);
        }
        return out;
    }

    /** Masks strings inside maps and lists (keys too); other values are returned as they are. */
    public Object maskValue(Object value) {
        if (value instanceof String s) {
            return mask(s);
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(mask(String.valueOf(k)), maskValue(v)));
            return out;
        }
        if (value instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            c.forEach(v -> out.add(maskValue(v)));
            return out;
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> maskMap(Map<String, ?> map) {
        return (Map<String, Object>) maskValue(map);
    }
}
