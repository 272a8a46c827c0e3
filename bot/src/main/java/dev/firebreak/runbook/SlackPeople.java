package dev.firebreak.runbook;

import com.slack.api.methods.response.usergroups.UsergroupsListResponse;
import com.slack.api.model.Usergroup;
import dev.firebreak.slack.SlackApi;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Who is who for {@code run-by} and {@code approve-by}: Slack user ids ({@code U...}) match themselves; user-group
 * handles ({@code @sre}) match their members, looked up with {@code usergroups.list} (cached for a minute). When Slack
 * cannot answer, a group matches nobody: access is never granted on a failure.
 */
@Component
class SlackPeople {

    private static final Logger log = LoggerFactory.getLogger(SlackPeople.class);
    private static final Duration CACHE = Duration.ofMinutes(1);

    private final SlackApi slack;
    private final Clock clock;
    private volatile Map<String, Set<String>> groups = Map.of();
    private volatile Instant loadedAt = Instant.EPOCH;

    SlackPeople(SlackApi slack, Clock clock) {
        this.slack = slack;
        this.clock = clock;
    }

    /** Whether {@code userId} is one of {@code allowed} (user ids or {@code @handle}s). */
    boolean isAnyOf(String userId, List<String> allowed) {
        if (userId == null) {
            return false;
        }
        if (allowed.contains(userId)) {
            return true;
        }
        return allowed.stream().anyMatch(a -> a.startsWith("@"))
                && groupHandlesOf(userId).stream().anyMatch(h -> allowed.contains("@" + h));
    }

    /** The handles (without {@code @}) of the user groups {@code userId} belongs to. */
    Set<String> groupHandlesOf(String userId) {
        Set<String> handles = new HashSet<>();
        groups().forEach((handle, members) -> {
            if (members.contains(userId)) {
                handles.add(handle);
            }
        });
        return handles;
    }

    private Map<String, Set<String>> groups() {
        if (!slack.enabled()) {
            return Map.of();
        }
        Instant now = clock.instant();
        if (loadedAt.plus(CACHE).isAfter(now)) {
            return groups;
        }
        SlackApi.Answer<UsergroupsListResponse> answer =
                slack.call("usergroups.list", null, m -> m.usergroupsList(q -> q.includeUsers(true)));
        if (!answer.ok()) {
            log.warn("Slack usergroups.list failed: {}", answer.error() != null ? answer.error() : answer.result());
            return Map.of();
        }
        UsergroupsListResponse r = answer.response();
        Map<String, Set<String>> loaded = new java.util.HashMap<>();
        for (Usergroup g : r.getUsergroups() == null ? List.<Usergroup>of() : r.getUsergroups()) {
            loaded.put(g.getHandle(), Set.copyOf(g.getUsers() == null ? List.of() : g.getUsers()));
        }
        groups = Map.copyOf(loaded);
        loadedAt = now;
        return groups;
    }
}
