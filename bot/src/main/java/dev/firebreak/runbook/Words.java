package dev.firebreak.runbook;

import java.util.ArrayList;
import java.util.List;

/** Splits command text on whitespace; double quotes keep spaces ({@code reason="bad deploy"}). */
final class Words {

    private Words() {}

    static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : (text == null ? "" : text).toCharArray()) {
            if (c == '"' || c == '“' || c == '”') {
                quoted = !quoted;
                any = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (any) {
                    words.add(current.toString());
                    current.setLength(0);
                    any = false;
                }
            } else {
                current.append(c);
                any = true;
            }
        }
        if (any) {
            words.add(current.toString());
        }
        return words;
    }
}
