package dev.firebreak.paging;

import java.util.UUID;

/**
 * A PagerDuty incident that belongs to a Firebreak incident: the automatic page ({@link #TRIGGER}) or a page
 * from {@code /incident page} ({@link #PAGE}, {@code target} = who was paged).
 */
record PagingLink(String pdIncidentId, UUID incidentId, String kind, String target, String htmlUrl) {

    static final String TRIGGER = "trigger";
    static final String PAGE = "page";

    boolean isTrigger() {
        return TRIGGER.equals(kind);
    }
}
