package dev.firebreak.system.pacing;

/**
 * Who gets a scarce budget first. A lower priority keeps a reserve of the budget's burst untouched, so when calls
 * compete, {@link #HIGH} ones (channel creation, the first card, pages) take the next slots and {@link #LOW} ones
 * (card edits, topic updates, notes) only go when the budget has room to spare.
 */
public enum Priority {
    HIGH(0),
    NORMAL(1),
    LOW(2);

    private final int level;

    Priority(int level) {
        this.level = level;
    }

    /** Tokens of a budget with this burst that this priority must leave for higher ones (never the last one). */
    int reserve(int burst) {
        return Math.min(burst - 1, (int) Math.ceil(burst * level / 3.0));
    }
}
