package dev.firebreak.postmortem;

import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentAlerts;
import dev.firebreak.incident.IncidentGroups;
import dev.firebreak.incident.IncidentManagement;
import dev.firebreak.incident.IncidentQueries;
import dev.firebreak.incident.IncidentView;
import dev.firebreak.timeline.Timeline;
import dev.firebreak.timeline.TimelineEntry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Makes post-mortem drafts from the database: loads the data, then renders with the pure functions. */
@Service
public class PostmortemDrafts {

    private final IncidentManagement incidents;
    private final IncidentQueries queries;
    private final IncidentAlerts alerts;
    private final Timeline timeline;
    private final Clock clock;
    private final PostmortemSettings settings;
    private final PostmortemRenderer renderer;
    private final IncidentGroups groups;

    PostmortemDrafts(
            IncidentManagement incidents,
            IncidentQueries queries,
            IncidentAlerts alerts,
            Timeline timeline,
            Clock clock,
            PostmortemSettings settings,
            IncidentGroups groups) {
        this.incidents = incidents;
        this.queries = queries;
        this.groups = groups;
        this.alerts = alerts;
        this.timeline = timeline;
        this.clock = clock;
        this.settings = settings;
        this.renderer = settings.template() == null || settings.template().isBlank()
                ? PostmortemRenderer.withDefaultTemplate()
                : PostmortemRenderer.fromFile(Path.of(settings.template().strip()));
    }

    @Transactional(readOnly = true)
    public PostmortemInput load(String reference) {
        return load(queries.view(incidents.require(reference)));
    }

    @Transactional(readOnly = true)
    public PostmortemInput load(UUID incidentId) {
        return load(queries.view(incidentId));
    }

    private PostmortemInput load(IncidentView i) {
        List<IncidentAlerts.AlertFact> alertFacts = alerts.of(i.id());
        List<TimelineEntry> entries = timeline.of(i.id());
        List<PostmortemInput.Entry> entryFacts = new ArrayList<>(entries.size());
        for (TimelineEntry e : entries) {
            entryFacts.add(new PostmortemInput.Entry(
                    e.getId(),
                    e.getOccurredAt(),
                    e.getKind(),
                    e.getActor(),
                    e.getActorRef(),
                    e.getText(),
                    e.getLink(),
                    e.getData(),
                    e.isKeyEvent(),
                    e.getSupersedesId()));
        }
        List<PostmortemInput.StormGroup> stormGroups = groups.findByIncidentIdOrderByOrdinal(i.id()).stream()
                .map(g -> new PostmortemInput.StormGroup(
                        g.getOrdinal(),
                        g.getTitle(),
                        g.getSeverity().name(),
                        g.getState().name(),
                        g.getFiringAlerts(),
                        g.getTotalAlerts(),
                        g.getJoinedAt(),
                        g.getResolvedAt(),
                        g.getSplitAt(),
                        g.getSplitTo() == null
                                ? null
                                : incidents
                                        .find(g.getSplitTo().toString())
                                        .map(Incident::reference)
                                        .orElse(null)))
                .toList();
        return new PostmortemInput(
                PostmortemInput.Incident.of(i), alertFacts, entryFacts, clock.instant(), stormGroups);
    }

    public String markdown(PostmortemInput input, String chartUrl) {
        return renderer.markdown(input, chartUrl);
    }

    /**
     * The draft as a self-contained HTML page: the chart is embedded as a {@code data:} image, so the page
     * shows it without a second authenticated request.
     */
    public String html(PostmortemInput input) {
        return htmlPage(renderer, input);
    }

    static String htmlPage(PostmortemRenderer renderer, PostmortemInput input) {
        return htmlPage(renderer, input, ActivityChart.svg(input));
    }

    private static String htmlPage(PostmortemRenderer renderer, PostmortemInput input, String svg) {
        String chart = "data:image/svg+xml;base64,"
                + java.util.Base64.getEncoder().encodeToString(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return PostmortemRenderer.html(
                renderer.markdown(input, chart),
                "Post-mortem: " + input.incident().reference() + " "
                        + input.incident().title());
    }

    /** The HTML draft as a PDF (A4, the chart included). */
    public byte[] pdf(PostmortemInput input) {
        return pdfDocument(renderer, input);
    }

    static byte[] pdfDocument(PostmortemRenderer renderer, PostmortemInput input) {
        String svg = ActivityChart.svg(input);
        return PostmortemPdf.render(htmlPage(renderer, input, svg), PostmortemPdf.chartCss(svg));
    }

    public String svg(PostmortemInput input) {
        return ActivityChart.svg(input);
    }

    public PostmortemSettings settings() {
        return settings;
    }

    /** {@code INC-12-checkout-api-5xx-spike}: the reference and a lowercase ASCII slug of the title. */
    public static String fileStem(PostmortemInput.Incident incident) {
        String title = incident.title() == null ? "" : incident.title();
        String slug = java.text.Normalizer.normalize(title, java.text.Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (slug.length() > 60) {
            slug = slug.substring(0, 60).replaceAll("-+$", "");
        }
        return incident.reference() + "-" + (slug.isEmpty() ? "incident" : slug);
    }
}
