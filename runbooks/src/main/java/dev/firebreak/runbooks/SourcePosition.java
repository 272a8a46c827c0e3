package dev.firebreak.runbooks;

/** Where something was written: file name, 1-based line and column. Prints as {@code file:line:column}. */
public record SourcePosition(String file, int line, int column) {

    public static SourcePosition of(String file) {
        return new SourcePosition(file, 1, 1);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
