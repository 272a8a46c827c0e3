package dev.firebreak.paging;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Where people open an incident's PagerDuty incident: its {@code html_url}, for pages that link to it (console). */
@Component
public class PagerDutyLinks {

    private final NamedParameterJdbcTemplate jdbc;

    PagerDutyLinks(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The PagerDuty incident URL of each given incident that has one (https only; the first one paged). */
    @Transactional(readOnly = true)
    public Map<UUID, String> of(Collection<UUID> incidentIds) {
        Map<UUID, String> urls = new HashMap<>();
        if (incidentIds.isEmpty()) {
            return urls;
        }
        jdbc.query(
                "SELECT incident_id, html_url FROM paging_link WHERE incident_id IN (:ids) AND html_url IS NOT NULL "
                        + "ORDER BY created_at",
                new MapSqlParameterSource("ids", incidentIds),
                rs -> {
                    String url = rs.getString("html_url");
                    if (url != null && url.startsWith("https://")) {
                        urls.putIfAbsent(rs.getObject("incident_id", UUID.class), url);
                    }
                });
        return urls;
    }
}
