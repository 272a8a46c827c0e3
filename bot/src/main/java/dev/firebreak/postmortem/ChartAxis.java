package dev.firebreak.postmortem;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The chart's time axis: one linear segment from a little before the first event to a little after the last,
 * or, when a long quiet gap would squash the incident (an alert that started days before the incident was
 * opened), a narrow segment for what came before, an axis break, and the incident window.
 */
final class ChartAxis {

    /** A gap is broken only when at least this long and longer than {@link #BREAK_FACTOR} times what follows it. */
    static final Duration MIN_BREAK = Duration.ofHours(1);

    static final int BREAK_FACTOR = 2;
    static final double PRELUDE_WIDTH = 96;
    static final double GAP_WIDTH = 30;
    private static final long[] TICK_MINUTES = {1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080};
    private static final double MIN_TICK_SPACING = 70;
    private static final DateTimeFormatter HH_MM =
            DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY_HH_MM =
            DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    record Segment(Instant from, Instant to, double x0, double x1) {
        double x(Instant t) {
            double span = Math.max(1, to.toEpochMilli() - from.toEpochMilli());
            double off = t.toEpochMilli() - from.toEpochMilli();
            return x0 + (x1 - x0) * Math.max(0, Math.min(1, off / span));
        }
    }

    record Tick(double x, String label) {}

    private final Segment prelude;
    private final Segment main;
    private final Instant gapFrom;
    private final Instant gapTo;
    private final Instant first;

    private ChartAxis(Segment prelude, Segment main, Instant gapFrom, Instant gapTo, Instant first) {
        this.first = first;
        this.prelude = prelude;
        this.main = main;
        this.gapFrom = gapFrom;
        this.gapTo = gapTo;
    }

    /** @param events every instant drawn (sorted, distinct, not empty); the last one is the chart's end */
    static ChartAxis fit(List<Instant> events, double left, double right) {
        Instant end = events.get(events.size() - 1);
        for (int i = events.size() - 2; i >= 0; i--) {
            Duration gap = Duration.between(events.get(i), events.get(i + 1));
            Duration after = Duration.between(events.get(i + 1), end);
            Duration floor = Duration.ofMinutes(5);
            if (gap.compareTo(MIN_BREAK) >= 0
                    && gap.compareTo((after.compareTo(floor) < 0 ? floor : after).multipliedBy(BREAK_FACTOR)) > 0) {
                Segment prelude = padded(events.get(0), events.get(i), left, left + PRELUDE_WIDTH, 0.1);
                Segment main = padded(events.get(i + 1), end, left + PRELUDE_WIDTH + GAP_WIDTH, right, 0.04);
                return new ChartAxis(prelude, main, events.get(i), events.get(i + 1), events.get(0));
            }
        }
        return new ChartAxis(null, padded(events.get(0), end, left, right, 0.04), null, null, events.get(0));
    }

    private static Segment padded(Instant from, Instant to, double x0, double x1, double fraction) {
        long span = Duration.between(from, to).toMillis();
        long pad = Math.max(30_000, (long) (span * fraction));
        return new Segment(from.minusMillis(pad), to.plusMillis(pad), x0, x1);
    }

    double x(Instant t) {
        if (prelude != null && !t.isAfter(prelude.to())) {
            return prelude.x(t);
        }
        if (prelude != null && t.isBefore(main.from())) {
            return breakX();
        }
        return main.x(t);
    }

    boolean hasBreak() {
        return prelude != null;
    }

    /** The quiet period the axis skips, as {@code [from, to]} (only with a break). */
    Instant gapFrom() {
        return gapFrom;
    }

    Instant gapTo() {
        return gapTo;
    }

    Segment prelude() {
        return prelude;
    }

    Segment main() {
        return main;
    }

    double left() {
        return prelude != null ? prelude.x0() : main.x0();
    }

    double right() {
        return main.x1();
    }

    double breakX() {
        return prelude == null ? main.x0() : (prelude.x1() + main.x0()) / 2;
    }

    Instant start() {
        return prelude != null ? prelude.from() : main.from();
    }

    Instant end() {
        return main.to();
    }

    /** Round times (every 1, 2, 5, 10, 15, 30 minutes, ...) in the incident window, far enough apart to label. */
    List<Tick> ticks() {
        long spanMillis = Duration.between(main.from(), main.to()).toMillis();
        double width = main.x1() - main.x0();
        long stepMinutes = TICK_MINUTES[TICK_MINUTES.length - 1];
        for (long m : TICK_MINUTES) {
            if (width * (m * 60_000.0) / spanMillis >= MIN_TICK_SPACING) {
                stepMinutes = m;
                break;
            }
        }
        long step = stepMinutes * 60_000;
        boolean sameDay = DAY.format(main.from()).equals(DAY.format(main.to()));
        List<Tick> ticks = new ArrayList<>();
        for (long t = Math.floorDiv(main.from().toEpochMilli(), step) * step + step;
                t <= main.to().toEpochMilli();
                t += step) {
            Instant at = Instant.ofEpochMilli(t);
            ticks.add(new Tick(main.x(at), (sameDay ? HH_MM : DAY_HH_MM).format(at)));
        }
        return ticks;
    }

    /** A milestone's time: {@code 04:57:14}, with the day ({@code 11-25 09:14:00}) when it is not in the window's days. */
    String time(Instant t) {
        boolean inWindow =
                DAY.format(t).equals(DAY.format(main.from())) || DAY.format(t).equals(DAY.format(main.to()));
        return inWindow
                ? Durations.time(t)
                : DAY_HH_MM.format(t)
                        + DateTimeFormatter.ofPattern(":ss")
                                .withZone(ZoneOffset.UTC)
                                .format(t);
    }

    /** What the axis shows: {@code Time (UTC), 2026-11-28} or a range of days. */
    String caption() {
        String from = DAY.format(main.from());
        String to = DAY.format(main.to());
        return "Time (UTC), " + (from.equals(to) ? from : from + " to " + to);
    }

    /** The first event's day and time, written under the segment before the break. */
    String preludeLabel() {
        return prelude == null ? "" : DAY_HH_MM.format(first);
    }
}
