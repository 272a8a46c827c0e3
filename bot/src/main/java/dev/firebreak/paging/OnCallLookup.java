package dev.firebreak.paging;

import dev.firebreak.integrations.pagerduty.OnCall;
import dev.firebreak.integrations.pagerduty.OnCallQuery;
import dev.firebreak.integrations.pagerduty.PagerDutyClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Reads who is on call now and next: one {@code GET /oncalls} (all pages) for the policies over the window
 * [now, now + 7 days]; entries that cover now are "now", the earliest start after now per level is "next".
 */
@Component
class OnCallLookup {

    static final Duration LOOKAHEAD = Duration.ofDays(7);

    private final PagerDutyClient client;
    private final Clock clock;

    OnCallLookup(PagerDutyClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /** @param policies policy id -> display name, in display order */
    List<OnCallView> lookup(Map<String, String> policies) {
        Instant now = clock.instant();
        List<OnCall> all = client.listOnCalls(new OnCallQuery(
                List.copyOf(policies.keySet()), List.of(), List.of(), false, now, now.plus(LOOKAHEAD), true));
        List<OnCallView> views = new ArrayList<>();
        policies.forEach((id, name) -> views.add(view(id, name, all, now)));
        return views;
    }

    static OnCallView view(String policyId, String name, List<OnCall> all, Instant now) {
        Map<Integer, List<OnCall>> byLevel = new TreeMap<>();
        for (OnCall o : all) {
            if (o.escalationPolicy() != null
                    && policyId.equals(o.escalationPolicy().id())) {
                byLevel.computeIfAbsent(o.escalationLevel(), l -> new ArrayList<>())
                        .add(o);
            }
        }
        List<OnCallView.Level> levels = new ArrayList<>();
        byLevel.forEach((level, entries) -> {
            List<OnCallView.Person> current = entries.stream()
                    .filter(o -> (o.start() == null || !o.start().isAfter(now))
                            && (o.end() == null || o.end().isAfter(now)))
                    .map(OnCallLookup::person)
                    .toList();
            Instant nextStart = entries.stream()
                    .map(OnCall::start)
                    .filter(s -> s != null && s.isAfter(now))
                    .min(Comparator.naturalOrder())
                    .orElse(null);
            List<OnCallView.Person> next = nextStart == null
                    ? List.of()
                    : entries.stream()
                            .filter(o -> nextStart.equals(o.start()))
                            .map(OnCallLookup::person)
                            .toList();
            levels.add(new OnCallView.Level(level, current, next, nextStart));
        });
        return new OnCallView(policyId, name, levels);
    }

    private static OnCallView.Person person(OnCall o) {
        return new OnCallView.Person(o.userSummary() == null ? o.userId() : o.userSummary(), o.userEmail());
    }
}
