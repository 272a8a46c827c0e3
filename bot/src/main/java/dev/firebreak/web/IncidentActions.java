package dev.firebreak.web;

import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentManagement;
import dev.firebreak.incident.IncidentRole;
import dev.firebreak.incident.IncidentStatus;
import dev.firebreak.incident.Severity;
import dev.firebreak.runbook.RunView;
import dev.firebreak.runbook.RunbookRuns;
import dev.firebreak.runbook.StartRequest;
import dev.firebreak.system.web.BadRequestException;
import dev.firebreak.timeline.NewTimelineEntry;
import dev.firebreak.timeline.Timeline;
import dev.firebreak.timeline.TimelineKinds;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A responder's actions on an incident, through the same paths as Slack and the API ({@code IncidentManagement},
 * {@code Timeline}, {@code RunbookRuns}), recorded with the signed-in person as actor. The security chain already
 * refused viewers; each action checks the role again, so a rule change there cannot open it up. Every answer is a
 * redirect back to the incident (post/redirect/get) with a message; a refused change says why.
 */
@Controller
class IncidentActions {

    static final int MAX_TEXT = 4000;
    static final int MAX_NAME = 100;

    private final IncidentManagement incidents;
    private final Timeline timeline;
    private final RunbookRuns runbooks;

    IncidentActions(IncidentManagement incidents, Timeline timeline, RunbookRuns runbooks) {
        this.incidents = incidents;
        this.timeline = timeline;
        this.runbooks = runbooks;
    }

    @PostMapping("/incidents/{ref}/status")
    String status(
            @PathVariable String ref,
            @RequestParam String to,
            @RequestParam(required = false) String reason,
            Authentication auth,
            RedirectAttributes flash) {
        return act(ref, auth, flash, (incident, user) -> {
            IncidentStatus target = parse(IncidentStatus.class, to, "status");
            String why = optional(reason, "reason");
            incidents.changeStatus(incident.getId(), target, user.actor(), why);
            return incident.reference() + " is " + target.name().toLowerCase(Locale.ROOT) + ".";
        });
    }

    @PostMapping("/incidents/{ref}/severity")
    String severity(
            @PathVariable String ref, @RequestParam String severity, Authentication auth, RedirectAttributes flash) {
        return act(ref, auth, flash, (incident, user) -> {
            Severity to = Severity.parse(severity).orElseThrow(() -> new BadRequestException("Unknown severity"));
            incidents.changeSeverity(incident.getId(), to, user.actor());
            return "Severity is " + to + ".";
        });
    }

    @PostMapping("/incidents/{ref}/role")
    String role(
            @PathVariable String ref,
            @RequestParam String role,
            @RequestParam(required = false) String assignee,
            Authentication auth,
            RedirectAttributes flash) {
        return act(ref, auth, flash, (incident, user) -> {
            IncidentRole r = IncidentRole.parse(role).orElseThrow(() -> new BadRequestException("Unknown role"));
            String who = assignee == null || assignee.isBlank() ? user.id() : assignee.strip();
            if (who.length() > MAX_NAME) {
                throw new BadRequestException("A name or Slack user id is at most " + MAX_NAME + " characters.");
            }
            incidents.assignRole(incident.getId(), r, who, user.actor());
            return r.label() + ": " + who + ".";
        });
    }

    @PostMapping("/incidents/{ref}/note")
    String note(
            @PathVariable String ref,
            @RequestParam String text,
            @RequestParam(defaultValue = "note") String kind,
            Authentication auth,
            RedirectAttributes flash) {
        return act(ref, auth, flash, (incident, user) -> {
            String body = optional(text, "note");
            if (body == null) {
                throw new BadRequestException("What should the note say?");
            }
            String k = "follow-up".equals(kind) ? TimelineKinds.FOLLOW_UP : TimelineKinds.NOTE;
            timeline.record(NewTimelineEntry.of(incident.getId(), null, k, user.actor(), body));
            return k.equals(TimelineKinds.FOLLOW_UP) ? "Follow-up added." : "Noted on the timeline.";
        });
    }

    @PostMapping("/incidents/{ref}/runbook")
    String runbook(
            @PathVariable String ref,
            @RequestParam String runbook,
            @RequestParam(defaultValue = "false") boolean dryRun,
            Authentication auth,
            RedirectAttributes flash) {
        return act(ref, auth, flash, (incident, user) -> {
            RunView run = runbooks.start(incident, new StartRequest(runbook, Map.of(), dryRun, user.actor(), "web"));
            return (run.dryRun() ? "Dry run" : "Run") + " #" + run.id() + " of " + run.title() + " started"
                    + run.dryRunReasonNote() + ".";
        });
    }

    interface Action {
        String run(Incident incident, ConsoleUser user);
    }

    private String act(String ref, Authentication auth, RedirectAttributes flash, Action action) {
        ConsoleUser user = ConsoleUser.of(auth);
        Incident incident = incidents.require(ref);
        if (!user.can(ConsoleRole.RESPONDER)) {
            throw new BadRequestException(
                    org.springframework.http.HttpStatus.FORBIDDEN, "forbidden", "Only responders act on incidents.");
        }
        try {
            flash.addFlashAttribute("notice", action.run(incident, user));
        } catch (BadRequestException e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/incidents/" + incident.reference();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String what) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value == null ? "" : value.strip())) {
                return e;
            }
        }
        throw new BadRequestException("Unknown " + what);
    }

    private static String optional(String text, String what) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        if (t.length() > MAX_TEXT) {
            throw new BadRequestException("A " + what + " is at most " + MAX_TEXT + " characters.");
        }
        return t;
    }
}
