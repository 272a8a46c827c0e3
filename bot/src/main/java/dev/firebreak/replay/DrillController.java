package dev.firebreak.replay;

import dev.firebreak.incident.Actor;
import dev.firebreak.system.json.Json;
import dev.firebreak.system.web.BadRequestException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/drills}: starts a drill. The body is a capture (NDJSON recordings or Alertmanager payloads,
 * gzip with {@code Content-Encoding: gzip}; {@code ?name=&speed=}), or {@code {"capture": "<name in
 * firebreak.drills.path>", "speed": 60}}. {@code GET /api/drills/{id}}, {@code POST /api/drills/{id}/stop}.
 */
@RestController
class DrillController {

    static final int MAX_BODY = 64 * 1024 * 1024;

    private final Drills drills;

    DrillController(Drills drills) {
        this.drills = drills;
    }

    @PostMapping("/api/drills")
    ResponseEntity<Drills.DrillView> start(
            @RequestParam(required = false) String name,
            @RequestParam(required = false) Double speed,
            HttpServletRequest request)
            throws IOException {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            throw new BadRequestException(HttpStatus.CONTENT_TOO_LARGE, "too_large", "A capture may be at most 64 MB");
        }
        if ("gzip".equalsIgnoreCase(request.getHeader("Content-Encoding"))) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                body = in.readNBytes(MAX_BODY + 1);
            }
        }
        Actor by = Actor.api("api");
        JsonNode named = named(body);
        if (named != null) {
            double s = named.hasNonNull("speed") ? named.get("speed").asDouble() : speed == null ? 1 : speed;
            return ResponseEntity.status(HttpStatus.CREATED)
                    .body(drills.startNamed(named.get("capture").asString(), s, by));
        }
        List<Captures.Entry> capture;
        try {
            capture = Captures.read(new ByteArrayInputStream(body));
        } catch (Captures.UnreadableCapture e) {
            throw new BadRequestException(e.getMessage());
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(drills.start(name, capture, speed == null ? 1 : speed, by));
    }

    @GetMapping("/api/drills/{id}")
    Drills.DrillView get(@PathVariable String id) {
        return drills.get(uuid(id)).orElseThrow(() -> new Drills.NotFound("drill " + id));
    }

    @PostMapping("/api/drills/{id}/stop")
    Drills.DrillView stop(@PathVariable String id) {
        return drills.stop(uuid(id), Actor.api("api"));
    }

    /** {@code {"capture": "name", ...}}: a capture from the drills folder; else null. */
    private static JsonNode named(byte[] body) {
        try {
            JsonNode node = Json.mapper().readTree(body);
            return node != null
                            && node.isObject()
                            && node.size() <= 3
                            && node.hasNonNull("capture")
                            && node.get("capture").isString()
                    ? node
                    : null;
        } catch (JacksonException e) {
            return null; // NDJSON of several values, or not JSON: read as a capture
        }
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new Drills.NotFound("drill " + id);
        }
    }
}
