package dev.firebreak.web;

import dev.firebreak.postmortem.PostmortemDrafts;
import dev.firebreak.postmortem.PostmortemInput;
import dev.firebreak.postmortem.PostmortemStatus;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /postmortems}: resolved incidents and where their drafts stand; {@code /incidents/{ref}/postmortem}: the
 * draft as HTML inside the console (the post-mortem renderer escapes every untrusted string; the chart is a
 * {@code data:} image); {@code .md}: the Markdown download.
 */
@Controller
class PostmortemPages {

    private final IncidentSearch search;
    private final PostmortemDrafts drafts;
    private final PostmortemStatus status;

    PostmortemPages(IncidentSearch search, PostmortemDrafts drafts, PostmortemStatus status) {
        this.search = search;
        this.drafts = drafts;
        this.status = status;
    }

    @GetMapping("/postmortems")
    String list(
            @RequestParam(required = false) String range,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            Model model) {
        IncidentFilter filter =
                IncidentFilter.of(List.of("resolved"), null, null, null, range == null ? "90d" : range, q, page);
        IncidentSearch.Result result = search.find(filter);
        model.addAttribute("filter", filter);
        model.addAttribute("result", result);
        model.addAttribute("ranges", IncidentFilter.RANGES);
        model.addAttribute(
                "drafts",
                status.of(result.rows().stream().map(r -> r.incident().getId()).toList()));
        return "postmortems";
    }

    @GetMapping("/incidents/{ref}/postmortem")
    String draft(@PathVariable String ref, Model model) {
        PostmortemInput input = drafts.load(ref);
        model.addAttribute("reference", input.incident().reference());
        model.addAttribute("title", input.incident().title());
        model.addAttribute("body", body(drafts.html(input)));
        return "postmortem";
    }

    @GetMapping("/incidents/{ref}/postmortem.md")
    ResponseEntity<String> markdown(@PathVariable String ref) {
        PostmortemInput input = drafts.load(ref);
        String stem = PostmortemDrafts.fileStem(input.incident());
        String chart = drafts.settings().apiChartUrl(input.incident().reference());
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "markdown", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(stem + ".md", StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(drafts.markdown(input, chart));
    }

    /** The rendered draft's {@code <main>} content (its own page wrapper and inline style are not used here). */
    static String body(String page) {
        int start = page.indexOf("<main>");
        int end = page.lastIndexOf("</main>");
        return start < 0 || end < start ? "" : page.substring(start + "<main>".length(), end);
    }
}
