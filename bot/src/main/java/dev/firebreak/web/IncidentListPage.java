package dev.firebreak.web;

import dev.firebreak.incident.IncidentStatus;
import dev.firebreak.incident.Severity;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /incidents}: the filtered, searchable list; {@code /incidents/counts}: the live counts (polled by htmx). */
@Controller
class IncidentListPage {

    private final IncidentSearch search;

    IncidentListPage(IncidentSearch search) {
        this.search = search;
    }

    @GetMapping("/incidents")
    String list(
            @RequestParam(required = false) List<String> status,
            @RequestParam(required = false) List<String> severity,
            @RequestParam(required = false) String service,
            @RequestParam(required = false) String team,
            @RequestParam(required = false) String range,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            Model model) {
        IncidentFilter filter = IncidentFilter.of(status, severity, service, team, range, q, page);
        model.addAttribute("filter", filter);
        model.addAttribute("result", search.find(filter));
        model.addAttribute("counts", search.openCounts());
        model.addAttribute("statuses", IncidentStatus.values());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("services", search.distinct("service"));
        model.addAttribute("teams", search.distinct("team"));
        model.addAttribute("ranges", IncidentFilter.RANGES);
        return "incidents";
    }

    @GetMapping("/incidents/counts")
    String counts(Model model) {
        model.addAttribute("counts", search.openCounts());
        return "incidents :: counts";
    }
}
