package dev.firebreak.incident;

import dev.firebreak.system.security.ApiTokenFilter;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The incident REST API (docs/api.md). Authentication is done before this by {@link ApiTokenFilter};
 * {@code {ref}} is a UUID, a number ({@code 12}) or a reference ({@code INC-12}).
 */
@RestController
@RequestMapping(path = "/api/incidents", produces = MediaType.APPLICATION_JSON_VALUE)
class IncidentController {

    private final IncidentQueries queries;
    private final IncidentCommands commands;

    IncidentController(IncidentQueries queries, IncidentCommands commands) {
        this.queries = queries;
        this.commands = commands;
    }

    @GetMapping
    IncidentPageView list(
            @RequestParam(required = false) List<String> status,
            @RequestParam(required = false) List<String> severity,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + IncidentApiInput.DEFAULT_PAGE_SIZE) int size) {
        IncidentApiInput.page(page, size);
        return queries.list(IncidentApiInput.statuses(status), IncidentApiInput.severities(severity), page, size);
    }

    @GetMapping("/{ref}")
    IncidentView get(@PathVariable String ref) {
        return queries.view(ref);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<IncidentView> declare(
            @RequestBody IncidentRequests.Declare request,
            @RequestAttribute(name = ApiTokenFilter.CALLER_ATTRIBUTE, required = false) String caller) {
        IncidentView view = commands.declare(request, actor(caller));
        return ResponseEntity.created(URI.create("/api/incidents/" + view.id())).body(view);
    }

    @PostMapping(path = "/{ref}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
    IncidentView changeStatus(
            @PathVariable String ref,
            @RequestBody IncidentRequests.ChangeStatus request,
            @RequestAttribute(name = ApiTokenFilter.CALLER_ATTRIBUTE, required = false) String caller) {
        return commands.changeStatus(ref, request, actor(caller));
    }

    @PostMapping(path = "/{ref}/severity", consumes = MediaType.APPLICATION_JSON_VALUE)
    IncidentView changeSeverity(
            @PathVariable String ref,
            @RequestBody IncidentRequests.ChangeSeverity request,
            @RequestAttribute(name = ApiTokenFilter.CALLER_ATTRIBUTE, required = false) String caller) {
        return commands.changeSeverity(ref, request, actor(caller));
    }

    @PatchMapping(
            path = "/{ref}",
            consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    IncidentView patch(
            @PathVariable String ref,
            @RequestBody IncidentRequests.Patch request,
            @RequestAttribute(name = ApiTokenFilter.CALLER_ATTRIBUTE, required = false) String caller) {
        return commands.patch(ref, request, actor(caller));
    }

    private static Actor actor(String caller) {
        return Actor.api(caller == null ? "api" : caller);
    }
}
