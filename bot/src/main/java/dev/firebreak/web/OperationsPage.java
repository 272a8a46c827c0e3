package dev.firebreak.web;

import dev.firebreak.paging.PagerDutySettings;
import dev.firebreak.slack.SlackApi;
import dev.firebreak.system.outbox.OutboxAdmin;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /operations} (admins only, in the security chain): the outbox backlog and its dead and failed tasks with
 * a re-drive button, Slack and PagerDuty connectivity and delivery health, the paging routes (never a routing key or
 * token: only whether one is set) and the version.
 */
@Controller
public class OperationsPage {

    static final int MAX_STUCK = 200;

    /** What the page says about one vendor. */
    public record Vendor(String name, String state, String detail, long pending, long failing) {}

    private final OutboxAdmin outbox;
    private final SlackApi slack;
    private final PagerDutySettings pagerDuty;
    private final ObjectProvider<BuildProperties> build;

    OperationsPage(
            OutboxAdmin outbox, SlackApi slack, PagerDutySettings pagerDuty, ObjectProvider<BuildProperties> build) {
        this.outbox = outbox;
        this.slack = slack;
        this.pagerDuty = pagerDuty;
        this.build = build;
    }

    @GetMapping("/operations")
    String page(Model model) {
        List<OutboxAdmin.Backlog> backlog = outbox.backlog();
        model.addAttribute("backlog", backlog);
        model.addAttribute("stuck", outbox.stuck(MAX_STUCK));
        model.addAttribute("vendors", List.of(slack(backlog), pagerDuty(backlog)));
        model.addAttribute("routes", routes());
        BuildProperties b = build.getIfAvailable();
        model.addAttribute("version", b == null ? "development build" : b.getVersion());
        model.addAttribute("builtAt", b == null ? null : b.getTime());
        return "operations";
    }

    @PostMapping("/operations/outbox/{id}/retry")
    String retry(@PathVariable long id, RedirectAttributes flash) {
        if (outbox.redrive(id)) {
            flash.addFlashAttribute("notice", "Task " + id + " is back in its queue.");
        } else {
            flash.addFlashAttribute("problem", "Task " + id + " is neither dead nor failed (already re-driven?).");
        }
        return "redirect:/operations";
    }

    private Vendor slack(List<OutboxAdmin.Backlog> backlog) {
        if (!slack.enabled()) {
            return new Vendor("Slack", "off", "No bot token configured (FIREBREAK_SLACK_BOT_TOKEN).", 0, 0);
        }
        boolean up = slack.self().isPresent();
        return new Vendor(
                "Slack",
                up ? "connected" : "unreachable",
                up
                        ? "auth.test answered; bot user " + slack.self().get().userId()
                        : "auth.test did not answer: check the token and the network.",
                count(backlog, "slack", "pending"),
                failing(backlog, "slack"));
    }

    private Vendor pagerDuty(List<OutboxAdmin.Backlog> backlog) {
        if (!pagerDuty.enabled()) {
            return new Vendor("PagerDuty", "off", "No routing key or API token configured.", 0, 0);
        }
        long failing = failing(backlog, "pagerduty");
        return new Vendor(
                "PagerDuty",
                failing > 0 ? "failing" : "configured",
                "Events API "
                        + (pagerDuty.routing().defaultRoutingKey() != null
                                        || !pagerDuty.routing().rules().isEmpty()
                                ? "routing set"
                                : "no routing key")
                        + "; REST API token " + (pagerDuty.hasApiToken() ? "set" : "not set")
                        + "; webhook secret " + (pagerDuty.webhookSecrets().isEmpty() ? "not set" : "set"),
                count(backlog, "pagerduty", "pending"),
                failing);
    }

    private List<String> routes() {
        List<String> out = new ArrayList<>();
        PagerDutySettings.Routing r = pagerDuty.routing();
        for (PagerDutySettings.Rule rule : r.rules()) {
            out.add((rule.name() == null ? "(unnamed)" : rule.name()) + ": when " + rule.match()
                    + (rule.severities().isEmpty() ? "" : ", severities " + rule.severities())
                    + (rule.escalationPolicy() == null ? "" : ", escalation policy " + rule.escalationPolicy())
                    + ", routing key "
                    + (rule.routingKey() == null || rule.routingKey().isBlank() ? "not set" : "set"));
        }
        r.teams().forEach((team, policy) -> out.add("team " + team + ": escalation policy " + policy));
        out.add("default: severities " + r.defaultSeverities() + ", routing key "
                + (r.defaultRoutingKey() == null || r.defaultRoutingKey().isBlank() ? "not set" : "set")
                + (r.defaultEscalationPolicy() == null ? "" : ", escalation policy " + r.defaultEscalationPolicy()));
        return out;
    }

    private static long count(List<OutboxAdmin.Backlog> backlog, String prefix, String state) {
        return backlog.stream()
                .filter(b -> b.kind().toLowerCase(Locale.ROOT).startsWith(prefix)
                        && b.state().equals(state))
                .mapToLong(OutboxAdmin.Backlog::tasks)
                .sum();
    }

    private static long failing(List<OutboxAdmin.Backlog> backlog, String prefix) {
        return count(backlog, prefix, "dead") + count(backlog, prefix, "failed");
    }
}
