package dev.firebreak.postmortem;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Where each incident's draft stands: {@code draft} (not shared), {@code uploading} or {@code shared} (in Slack). */
@Component
public class PostmortemStatus {

    private final NamedParameterJdbcTemplate jdbc;

    PostmortemStatus(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Map<UUID, String> of(Collection<UUID> incidentIds) {
        Map<UUID, String> status = new HashMap<>();
        incidentIds.forEach(id -> status.put(id, "draft"));
        if (incidentIds.isEmpty()) {
            return status;
        }
        jdbc.query(
                "SELECT incident_id, state FROM postmortem_upload WHERE incident_id IN (:ids)",
                new MapSqlParameterSource("ids", incidentIds),
                rs -> {
                    String s = "COMPLETED".equals(rs.getString("state")) ? "shared" : "uploading";
                    status.merge(
                            rs.getObject("incident_id", UUID.class),
                            s,
                            (a, b) -> a.equals("shared") || b.equals("shared") ? "shared" : b);
                });
        return status;
    }
}
