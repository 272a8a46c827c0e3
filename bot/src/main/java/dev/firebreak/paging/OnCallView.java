package dev.firebreak.paging;

import java.time.Instant;
import java.util.List;

/** Who is on call for one escalation policy, now and next, per escalation level. */
record OnCallView(String policyId, String policyName, List<Level> levels) {

    OnCallView {
        levels = List.copyOf(levels);
    }

    /** {@code next} are the people whose shift starts first after now ({@code nextStart}), if any. */
    record Level(int level, List<Person> now, List<Person> next, Instant nextStart) {

        Level {
            now = List.copyOf(now);
            next = List.copyOf(next);
        }
    }

    record Person(String name, String email) {}
}
