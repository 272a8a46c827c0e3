package dev.firebreak.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The storm mix of the intake benchmark (issue 11): {@code groups} Alertmanager groups of 10 alerts each, and every
 * tenth notification of a sender resolves one of its firing groups; the others fire a group picked at random: a
 * repeat when it fires already (Alertmanager resends every group_interval), else it opens a new incident (the first
 * notification of a group, or the first after its resolve). In the steady state that is about 80% repeats, 10%
 * opens and 10% resolves.
 *
 * <p>Each group belongs to one sender ({@link #sender}), as each Alertmanager aggregation group is sent by one
 * goroutine: notifications of a group are never in flight twice at once, so the end state is known and
 * {@link #expectedOpened()}/{@link #expectedFiring()} can be checked against the bot's incidents.
 */
final class StormMix {

    private final String run = Long.toString(System.nanoTime(), 36);
    private final int groups;
    private final List<Sender> senders = new ArrayList<>();

    StormMix(int groups) {
        this.groups = groups;
    }

    /** The sender that owns groups {@code g} with {@code g % of == index}; call once per index. */
    synchronized Sender sender(int index, int of) {
        Sender s = new Sender(index, of);
        senders.add(s);
        return s;
    }

    /** Incidents the notifications acknowledged so far should have opened. */
    synchronized long expectedOpened() {
        return senders.stream().mapToLong(s -> s.opened).sum();
    }

    /** What was sent: opening, repeating and resolving notifications. */
    synchronized String sent() {
        long opens = senders.stream().mapToLong(s -> s.opens).sum();
        long repeats = senders.stream().mapToLong(s -> s.repeats).sum();
        long resolves = senders.stream().mapToLong(s -> s.resolves).sum();
        return "opening=" + opens + " repeating=" + repeats + " resolving=" + resolves;
    }

    /** Groups firing now, i.e. open incidents this mix should have left. */
    synchronized long expectedFiring() {
        return senders.stream().mapToLong(Sender::firing).sum();
    }

    /** One sender's groups and their state; used by one thread. */
    final class Sender {
        private final List<Group> own = new ArrayList<>();
        private final Random random;
        private long count;
        private volatile long opened;
        private volatile long opens;
        private volatile long repeats;
        private volatile long resolves;
        private Group last;
        private boolean lastOpens;

        private Sender(int index, int of) {
            for (int g = index + 1; g <= groups; g += of) {
                own.add(new Group(g));
            }
            random = new Random(31L * index + 7);
        }

        /**
         * Opens every group of this sender that does not fire yet: one firing notification each (the storm's first
         * wave, sent before the measured phase); they count as opening notifications.
         */
        List<byte[]> primeAll() {
            List<byte[]> bodies = new ArrayList<>();
            for (Group g : own) {
                if (!g.firing) {
                    opens++;
                    opened++; // acknowledged: the caller checks every answer of the first wave
                    g.firing = true;
                    g.incarnation++;
                    g.startsAt = Instant.now().minusSeconds(30).toString();
                    g.firingBody = null;
                    bodies.add(g.body(false));
                }
            }
            return bodies;
        }

        /** The next notification body. */
        byte[] next() {
            count++;
            if (count % 10 == 0) {
                List<Group> firing = own.stream().filter(g -> g.firing).toList();
                if (!firing.isEmpty()) {
                    Group g = firing.get(random.nextInt(firing.size()));
                    last = g;
                    lastOpens = false;
                    g.firing = false;
                    resolves++;
                    return g.body(true);
                }
            }
            Group g = own.get(random.nextInt(own.size()));
            last = g;
            lastOpens = !g.firing;
            if (g.firing) {
                repeats++;
            } else {
                opens++;
                g.firing = true;
                g.incarnation++;
                g.startsAt = Instant.now().minusSeconds(30).toString();
                g.firingBody = null;
            }
            return g.body(false);
        }

        /** Records the answer to the last notification: only an acknowledged opening notification opened one. */
        void acknowledged(boolean ok) {
            if (ok && lastOpens) {
                opened++;
            }
            if (!ok && last != null) {
                last.unknown = true;
            }
        }

        private long firing() {
            return own.stream().filter(g -> g.firing).count();
        }

        boolean anyUnknown() {
            return own.stream().anyMatch(g -> g.unknown);
        }
    }

    private final class Group {
        final int number;
        boolean firing;
        boolean unknown;
        int incarnation;
        String startsAt;
        byte[] firingBody;

        Group(int number) {
            this.number = number;
        }

        byte[] body(boolean resolved) {
            if (!resolved && firingBody != null) {
                return firingBody; // a repeat is byte-for-byte the same notification, as Alertmanager resends it
            }
            byte[] b = notification(resolved).getBytes(StandardCharsets.UTF_8);
            if (!resolved) {
                firingBody = b;
            }
            return b;
        }

        private String notification(boolean resolved) {
            String status = resolved ? "resolved" : "firing";
            String name = "StormAlert" + number;
            String endsAt = resolved ? Instant.now().toString() : "0001-01-01T00:00:00Z";
            StringBuilder alerts = new StringBuilder(3000);
            for (int i = 0; i < 10; i++) {
                if (i > 0) {
                    alerts.append(',');
                }
                alerts.append("{\"status\":\"")
                        .append(status)
                        .append("\",\"labels\":{\"alertname\":\"")
                        .append(name)
                        .append("\",\"severity\":\"warning\",\"service\":\"storm\",\"instance\":\"node-")
                        .append(i)
                        .append(":9100\",\"job\":\"node\"},\"annotations\":{\"summary\":\"Storm alert ")
                        .append(number)
                        .append("\",\"description\":\"Node node-")
                        .append(i)
                        .append(" is unreachable\"},")
                        .append("\"startsAt\":\"")
                        .append(startsAt)
                        .append("\",\"endsAt\":\"")
                        .append(endsAt)
                        .append("\",\"generatorURL\":\"http://prometheus:9090/graph?g0.expr=up%3D%3D0\",")
                        .append("\"fingerprint\":\"")
                        .append(String.format("%08x%08x", number, i))
                        .append("\"}");
            }
            return "{\"receiver\":\"firebreak\",\"status\":\"" + status + "\",\"alerts\":[" + alerts
                    + "],\"groupLabels\":{\"alertname\":\"" + name + "\"},\"commonLabels\":{\"alertname\":\"" + name
                    + "\",\"service\":\"storm\",\"severity\":\"warning\",\"job\":\"node\"},"
                    + "\"commonAnnotations\":{\"summary\":\"Storm alert " + number + "\"},"
                    + "\"externalURL\":\"http://alertmanager:9093\",\"version\":\"4\",\"groupKey\":\"{}:{run=\\\""
                    + run + "\\\", alertname=\\\"" + name + "\\\"}\",\"truncatedAlerts\":0}";
        }
    }
}
