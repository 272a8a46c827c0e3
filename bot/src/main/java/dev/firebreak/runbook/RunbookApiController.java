package dev.firebreak.runbook;

import dev.firebreak.incident.Actor;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentManagement;
import dev.firebreak.system.security.ApiTokenFilter;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The runbook REST API (docs/api.md): the catalog, starting runs, following and cancelling them. */
@RestController
class RunbookApiController {

    /** {@code POST /api/incidents/{ref}/runbook-runs}. */
    record StartRun(String runbook, Map<String, Object> inputs, Boolean dryRun) {}

    private final RunbookRuns runs;
    private final IncidentManagement incidents;

    RunbookApiController(RunbookRuns runs, IncidentManagement incidents) {
        this.runs = runs;
        this.incidents = incidents;
    }

    @GetMapping(path = "/api/runbooks", produces = MediaType.APPLICATION_JSON_VALUE)
    List<RunbookView> list() {
        return runs.catalog(null);
    }

    @GetMapping(path = "/api/runbooks/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    RunbookView get(@PathVariable String id) {
        return runs.catalog(null).stream()
                .filter(r -> r.id().equals(id))
                .findFirst()
                .orElseThrow(() -> RunRefusedException.notFound("No runbook with id '" + id + "'"));
    }

    @PostMapping(
            path = "/api/incidents/{ref}/runbook-runs",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RunView> start(
            @PathVariable String ref,
            @RequestBody StartRun request,
            @RequestAttribute(name = ApiTokenFilter.CALLER_ATTRIBUTE, required = false) String caller) {
        if (request == null || request.runbook() == null || request.runbook().isBlank()) {
            throw new RunRefusedException("Give the runbook to run: {\"runbook\": \"<id>\", \"inputs\": {...}}");
        }
        Incident incident = incidents.require(ref);
        RunView run = runs.start(
                incident,
                new StartRequest(
                        request.runbook(),
                        RunbookRuns.strings(request.inputs()),
                        Boolean.TRUE.equals(request.dryRun()),
                        Actor.api(caller == null ? "api" : caller),
                        "api"));
        return ResponseEntity.created(URI.create("/api/runbook-runs/" + run.id()))
                .body(run);
    }

    @GetMapping(path = "/api/incidents/{ref}/runbook-runs", produces = MediaType.APPLICATION_JSON_VALUE)
    List<RunView> ofIncident(@PathVariable String ref) {
        return runs.ofIncident(incidents.require(ref).getId());
    }

    @GetMapping(path = "/api/runbook-runs/{runId}", produces = MediaType.APPLICATION_JSON_VALUE)
    RunView run(@PathVariable long runId) {
        return runs.find(runId).orElseThrow(() -> RunRefusedException.notFound("No runbook run " + runId));
    }

    @PostMapping(path = "/api/runbook-runs/{runId}/cancel", produces = MediaType.APPLICATION_JSON_VALUE)
    RunView cancel(
            @PathVariable long runId,
            @RequestAttribute(name = ApiTokenFilter.CALLER_ATTRIBUTE, required = false) String caller) {
        return runs.cancel(runId, Actor.api(caller == null ? "api" : caller));
    }
}
