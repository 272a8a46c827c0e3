package dev.firebreak.web;

import dev.firebreak.runbook.RunView;
import dev.firebreak.runbook.RunbookRuns;
import dev.firebreak.runbook.RunbookView;
import dev.firebreak.runbooks.Finding;
import dev.firebreak.runbooks.RunbookCatalog;
import dev.firebreak.runbooks.model.Trigger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /runbooks}: the catalog (triggers, inputs, steps), what the linter found while loading it, and the recent
 * runs of every incident with their steps.
 */
@Controller
class RunbookPages {

    static final int RECENT = 30;

    private final RunbookRuns runs;
    private final RunbookCatalog catalog;

    RunbookPages(RunbookRuns runs, RunbookCatalog catalog) {
        this.runs = runs;
        this.catalog = catalog;
    }

    @GetMapping("/runbooks")
    String page(Model model) {
        Map<String, List<Trigger>> triggers = new HashMap<>();
        catalog.runbooks().forEach(r -> triggers.put(r.id(), r.triggers()));
        List<RunbookView> views = runs.catalog(null);
        List<Finding> findings = catalog.findings();
        List<RunView> recent = runs.recent(RECENT);
        model.addAttribute("runbooks", views);
        model.addAttribute("triggers", triggers);
        model.addAttribute("findings", findings);
        model.addAttribute("recent", recent);
        return "runbooks";
    }
}
