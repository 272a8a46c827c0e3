package dev.firebreak.incident;

import dev.firebreak.system.security.ApiTokenFilter;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The alert groups of a storm incident (docs/api.md): list them, split one out into its own incident. {@code {group}}
 * is the group's number in the storm ({@code 3}).
 */
@RestController
@RequestMapping(path = "/api/incidents/{ref}/groups", produces = MediaType.APPLICATION_JSON_VALUE)
class AlertGroupController {

    private final IncidentManagement management;
    private final IncidentGroups groups;
    private final IncidentQueries queries;

    AlertGroupController(IncidentManagement management, IncidentGroups groups, IncidentQueries queries) {
        this.management = management;
        this.groups = groups;
        this.queries = queries;
    }

    @GetMapping
    List<AlertGroupView> list(@PathVariable String ref) {
        Incident incident = management.require(ref);
        return groups.findByIncidentIdOrderByOrdinal(incident.getId()).stream()
                .map(g -> AlertGroupView.of(
                        g,
                        g.getSplitTo() == null
                                ? null
                                : management
                                        .find(g.getSplitTo().toString())
                                        .map(Incident::reference)
                                        .orElse(null)))
                .toList();
    }

    @PostMapping("/{group}/split")
    ResponseEntity<IncidentView> split(
            @PathVariable String ref,
            @PathVariable String group,
            @RequestAttribute(name = ApiTokenFilter.CALLER_ATTRIBUTE, required = false) String caller) {
        Incident storm = management.require(ref);
        Incident own = management.splitGroup(storm.getId(), group, Actor.api(caller == null ? "api" : caller));
        return ResponseEntity.created(URI.create("/api/incidents/" + own.getId()))
                .body(queries.view(own.getId().toString()));
    }
}
