package dev.firebreak.postmortem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The draft for a fixed incident must equal the golden file (set -Dgolden.update=true to rewrite it). */
class PostmortemMarkdownTest {

    static final String GOLDEN = "postmortem/inc-12.golden.md";

    @Test
    void draftMatchesGoldenFile() throws IOException {
        String actual = PostmortemRenderer.withDefaultTemplate()
                .markdown(PostmortemFixtures.resolved(), "postmortem/activity.svg");
        if (Boolean.getBoolean("golden.update")) {
            Path file = Path.of("src/test/resources", GOLDEN);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        String expected;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(GOLDEN)) {
            assertThat(in).as("golden file " + GOLDEN).isNotNull();
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!expected.equals(actual)) {
            fail("Draft differs from " + GOLDEN + ":\n" + diff(expected, actual));
        }
    }

    /** A line diff: '-' expected, '+' actual, with line numbers. */
    static String diff(String expected, String actual) {
        List<String> e = expected.lines().toList();
        List<String> a = actual.lines().toList();
        StringBuilder sb = new StringBuilder();
        int n = Math.max(e.size(), a.size());
        for (int i = 0; i < n; i++) {
            String el = i < e.size() ? e.get(i) : null;
            String al = i < a.size() ? a.get(i) : null;
            if (el == null || !el.equals(al)) {
                if (el != null) {
                    sb.append(i + 1).append(" - ").append(el).append('\n');
                }
                if (al != null) {
                    sb.append(i + 1).append(" + ").append(al).append('\n');
                }
            }
        }
        return sb.toString();
    }
}
