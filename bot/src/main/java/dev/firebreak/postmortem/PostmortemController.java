package dev.firebreak.postmortem;

import dev.firebreak.system.web.BadRequestException;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/incidents/{id}/postmortem} (Markdown, {@code ?format=html} or {@code ?format=pdf}) and its activity chart. */
@RestController
@RequestMapping("/api/incidents/{id}/postmortem")
class PostmortemController {

    static final MediaType MARKDOWN = MediaType.parseMediaType("text/markdown;charset=UTF-8");
    static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");
    static final MediaType SVG = MediaType.parseMediaType("image/svg+xml");
    static final MediaType PDF = MediaType.APPLICATION_PDF;
    /** The HTML page runs no script and loads only images and its own inline style. */
    static final String CSP = "default-src 'none'; img-src 'self' https: http: data:; style-src 'unsafe-inline'";

    private final PostmortemDrafts drafts;

    PostmortemController(PostmortemDrafts drafts) {
        this.drafts = drafts;
    }

    @GetMapping
    ResponseEntity<?> draft(@PathVariable String id, @RequestParam(defaultValue = "markdown") String format) {
        PostmortemInput input = drafts.load(id);
        String chart = drafts.settings().apiChartUrl(input.incident().reference());
        String stem = PostmortemDrafts.fileStem(input.incident());
        switch (format.toLowerCase(Locale.ROOT)) {
            case "markdown", "md" -> {
                return ResponseEntity.ok()
                        .contentType(MARKDOWN)
                        .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + stem + ".md\"")
                        .body(drafts.markdown(input, chart));
            }
            case "html" -> {
                return ResponseEntity.ok()
                        .contentType(HTML)
                        .header("Content-Security-Policy", CSP)
                        .header("X-Content-Type-Options", "nosniff")
                        .body(drafts.html(input));
            }
            case "pdf" -> {
                return ResponseEntity.ok()
                        .contentType(PDF)
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + stem + ".pdf\"")
                        .header("X-Content-Type-Options", "nosniff")
                        .body(drafts.pdf(input));
            }
            default -> throw new BadRequestException("format must be markdown, html or pdf");
        }
    }

    @GetMapping("/activity.svg")
    ResponseEntity<String> activity(@PathVariable String id) {
        return ResponseEntity.ok()
                .contentType(SVG)
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                .header("X-Content-Type-Options", "nosniff")
                .body(drafts.svg(drafts.load(id)));
    }
}
