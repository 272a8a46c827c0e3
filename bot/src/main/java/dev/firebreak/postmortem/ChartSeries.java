package dev.firebreak.postmortem;

import dev.firebreak.incident.IncidentAlerts.AlertFact;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Alerts firing over time, one step series per alertname (in order of first start), stacked. At most
 * {@link #MAX_SERIES} alertnames get their own series; the rest are summed into one "other" series.
 */
record ChartSeries(List<String> names, List<Integer> alertCounts, List<Instant> changes, int[][] stacked, int max) {

    static final int MAX_SERIES = 6;

    /** {@code stacked[s][k]}: alerts of series 0..s firing from {@code changes[k]} until the next change. */
    static ChartSeries of(List<AlertFact> alerts) {
        Map<String, TreeMap<Instant, Integer>> byName = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<AlertFact> sorted = new ArrayList<>(alerts);
        sorted.removeIf(a -> a.startsAt() == null);
        sorted.sort((a, b) -> a.startsAt().compareTo(b.startsAt()));
        for (AlertFact a : sorted) {
            String name = a.alertname() == null || a.alertname().isBlank() ? "(no alertname)" : a.alertname();
            TreeMap<Instant, Integer> deltas = byName.computeIfAbsent(name, k -> new TreeMap<>());
            counts.merge(name, 1, Integer::sum);
            deltas.merge(a.startsAt(), 1, Integer::sum);
            if (!a.firing() && a.endsAt() != null) {
                deltas.merge(a.endsAt().isBefore(a.startsAt()) ? a.startsAt() : a.endsAt(), -1, Integer::sum);
            }
        }
        List<String> names = new ArrayList<>();
        List<Integer> alertCounts = new ArrayList<>();
        List<TreeMap<Instant, Integer>> series = new ArrayList<>();
        int others = 0;
        int own = byName.size() <= MAX_SERIES + 1 ? byName.size() : MAX_SERIES;
        for (Map.Entry<String, TreeMap<Instant, Integer>> e : byName.entrySet()) {
            if (series.size() < own) {
                names.add(e.getKey());
                alertCounts.add(counts.get(e.getKey()));
                series.add(e.getValue());
            } else {
                if (others++ == 0) {
                    names.add(null);
                    alertCounts.add(0);
                    series.add(new TreeMap<>());
                }
                int last = series.size() - 1;
                alertCounts.set(last, alertCounts.get(last) + counts.get(e.getKey()));
                e.getValue().forEach((t, d) -> series.get(last).merge(t, d, Integer::sum));
            }
        }
        if (others > 0) {
            names.set(names.size() - 1, others + " other alertnames");
        }
        TreeSet<Instant> times = new TreeSet<>();
        for (TreeMap<Instant, Integer> s : series) {
            s.values().removeIf(v -> v == 0);
            times.addAll(s.keySet());
        }
        List<Instant> changes = new ArrayList<>(times);
        int[][] stacked = new int[series.size()][changes.size()];
        int max = 0;
        for (int s = 0; s < series.size(); s++) {
            int count = 0;
            TreeMap<Instant, Integer> deltas = series.get(s);
            for (int k = 0; k < changes.size(); k++) {
                count += deltas.getOrDefault(changes.get(k), 0);
                stacked[s][k] = count + (s == 0 ? 0 : stacked[s - 1][k]);
            }
        }
        if (!series.isEmpty()) {
            for (int v : stacked[series.size() - 1]) {
                max = Math.max(max, v);
            }
        }
        return new ChartSeries(names, alertCounts, changes, stacked, max);
    }

    boolean isEmpty() {
        return changes.isEmpty();
    }

    /** All alerts firing after each change. */
    int[] total() {
        return stacked.length == 0 ? new int[0] : stacked[stacked.length - 1];
    }
}
