package dev.firebreak.web;

import dev.firebreak.incident.IncidentRole;
import dev.firebreak.incident.IncidentStatus;
import dev.firebreak.incident.Severity;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /incidents/{ref}}: header, actions, timeline, alerts, runbook runs. {@code /incidents/{ref}/live} is the part
 * that changes while the incident is open (status, times, timeline, alerts, runs), polled by htmx every few seconds.
 */
@Controller
class IncidentPage {

    private final IncidentDetails details;

    IncidentPage(IncidentDetails details) {
        this.details = details;
    }

    @GetMapping("/incidents/{ref}")
    String page(@PathVariable String ref, @RequestParam(required = false) List<String> kind, Model model) {
        fill(ref, kind, true, model);
        return "incident";
    }

    @GetMapping("/incidents/{ref}/live")
    String live(@PathVariable String ref, @RequestParam(required = false) List<String> kind, Model model) {
        fill(ref, kind, false, model);
        return "incident :: live";
    }

    private void fill(String ref, List<String> kind, boolean withAlerts, Model model) {
        Set<String> groups = new LinkedHashSet<>();
        for (String k : kind == null ? List.<String>of() : kind) {
            if (TimelineView.GROUPS.containsKey(k)) {
                groups.add(k);
            }
        }
        IncidentDetails.Details d = details.of(ref, groups, withAlerts);
        model.addAttribute("d", d);
        model.addAttribute("i", d.incident());
        model.addAttribute("groups", TimelineView.GROUPS.keySet());
        model.addAttribute("kindQuery", groups.isEmpty() ? "" : "?kind=" + String.join("&kind=", groups));
        model.addAttribute("severities", Severity.values());
        model.addAttribute("roles", IncidentRole.values());
        model.addAttribute(
                "next",
                List.of(IncidentStatus.values()).stream()
                        .filter(s -> d.incident().getStatus().canMoveTo(s))
                        .toList());
    }
}
