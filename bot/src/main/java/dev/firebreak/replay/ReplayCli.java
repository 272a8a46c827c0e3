package dev.firebreak.replay;

import dev.firebreak.system.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar firebreak-bot.jar replay <capture> --config <application.yml> [--diff <other.yml>]
 * [--expect <report.json>] [--json]}: the offline what-if (docs/replay.md). Plain Java, no server, no database.
 * Exit codes: 0 done (also when --diff finds differences), 1 the result differs from --expect, 2 bad usage or
 * unreadable input.
 */
public final class ReplayCli {

    static final String USAGE = """
            usage: replay <capture> --config <application.yml> [--diff <other.yml>] [--expect <report.json>] [--json]
              <capture>   NDJSON from GET /api/recordings, or Alertmanager payloads saved to a file (.gz is read too)
              --config    the bot configuration to replay against
              --diff      a second configuration: prints what changes between the two
              --expect    a report written earlier with --json: exit 1 when this run differs
              --json      print the report as JSON (the format --expect reads)
            """;
    private static final JsonMapper JSON = Json.mapper();

    private ReplayCli() {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        String capture = null;
        String config = null;
        String diff = null;
        String expect = null;
        boolean json = false;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--config", "--diff", "--expect" -> {
                    if (i + 1 >= args.length) {
                        err.println(a + " needs a file\n" + USAGE);
                        return 2;
                    }
                    String v = args[++i];
                    if (a.equals("--config")) {
                        config = v;
                    } else if (a.equals("--diff")) {
                        diff = v;
                    } else {
                        expect = v;
                    }
                }
                case "--json" -> json = true;
                case "-h", "--help" -> {
                    out.print(USAGE);
                    return 0;
                }
                default -> {
                    if (a.startsWith("--") || capture != null) {
                        err.println("Unexpected argument " + a + "\n" + USAGE);
                        return 2;
                    }
                    capture = a;
                }
            }
        }
        if (capture == null || config == null) {
            err.print(USAGE);
            return 2;
        }
        try {
            List<Captures.Entry> entries = read(Path.of(capture));
            ReplayReport report = new ReplaySimulator(ReplayConfig.load(Path.of(config))).run(entries);
            out.print(json ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report) + "\n" : report.text());
            int code = 0;
            if (diff != null) {
                ReplayReport other = new ReplaySimulator(ReplayConfig.load(Path.of(diff))).run(entries);
                out.print(diff(report, other));
            }
            if (expect != null) {
                code = expect(report, Path.of(expect), out);
            }
            return code;
        } catch (Captures.UnreadableCapture e) {
            err.println(capture + ": " + e.getMessage());
            return 2;
        } catch (IOException | RuntimeException e) {
            err.println("replay failed: " + e.getMessage());
            return 2;
        }
    }

    static List<Captures.Entry> read(Path capture) throws IOException {
        try (InputStream raw = Files.newInputStream(capture)) {
            InputStream in = capture.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
            return Captures.read(in);
        }
    }

    /** What changes from {@code a} to {@code b}: counts, then decisions only in one of them. */
    static String diff(ReplayReport a, ReplayReport b) {
        StringBuilder out = new StringBuilder("\nDiff ")
                .append(a.config())
                .append(" -> ")
                .append(b.config())
                .append('\n');
        ReplayReport.Counts x = a.counts();
        ReplayReport.Counts y = b.counts();
        count(out, "incidents", x.incidents(), y.incidents());
        count(out, "storm incidents", x.stormIncidents(), y.stormIncidents());
        count(out, "pages", x.pages(), y.pages());
        count(out, "channels", x.channels(), y.channels());
        count(out, "runbook starts", x.runbookStarts(), y.runbookStarts());
        var left = a.decisions();
        var right = b.decisions();
        List<String> changes = new ArrayList<>();
        left.forEach((who, d) -> {
            var other = right.get(who);
            if (other == null) {
                changes.add("- " + who + ": [" + d.get("severity") + "] " + d.get("title") + ", page " + d.get("page"));
                return;
            }
            d.forEach((field, value) -> {
                if (!value.equals(other.get(field))) {
                    changes.add("~ " + who + ": " + field + " " + value + " -> " + other.get(field));
                }
            });
        });
        right.forEach((who, d) -> {
            if (!left.containsKey(who)) {
                changes.add("+ " + who + ": [" + d.get("severity") + "] " + d.get("title") + ", page " + d.get("page"));
            }
        });
        if (changes.isEmpty()) {
            out.append("no differences in incidents, pages or runbooks\n");
        } else {
            changes.forEach(c -> out.append(c).append('\n'));
        }
        return out.toString();
    }

    private static void count(StringBuilder out, String what, int a, int b) {
        out.append(String.format(
                "  %-16s %5d -> %-5d%s%n", what, a, b, a == b ? "" : " (" + (b > a ? "+" : "") + (b - a) + ")"));
    }

    private static int expect(ReplayReport report, Path file, PrintStream out) throws IOException {
        JsonNode expected;
        try {
            expected = JSON.readTree(Files.readString(file));
        } catch (JacksonException e) {
            throw new IOException(file + " is not a report written with --json: " + e.getOriginalMessage());
        }
        JsonNode actual = JSON.valueToTree(report);
        // The configuration's file name is not a decision: a team may move its files.
        // Nor are the notes (what is off in the configuration).
        for (JsonNode node : List.of(expected, actual)) {
            if (node instanceof tools.jackson.databind.node.ObjectNode o) {
                o.remove(List.of("config", "notes"));
            }
        }
        if (expected.equals(actual)) {
            out.println("\nAs expected (" + file + ")");
            return 0;
        }
        ReplayReport wanted = JSON.treeToValue(expected, ReplayReport.class);
        out.println("\nDIFFERS from " + file + ":");
        out.print(diff(new ReplayReport(file.toString(), wanted.counts(), wanted.incidents(), List.of()), report)
                .lines()
                .skip(2)
                .map(l -> l + "\n")
                .reduce("", String::concat));
        return 1;
    }
}
