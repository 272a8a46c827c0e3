package dev.firebreak.timeline;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One immutable line of an incident's timeline. Ordered by occurred-at, then recorded-at, then id. */
@Entity
@Table(name = "timeline_entry")
public class TimelineEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private UUID incidentId;
    private Instant occurredAt;
    private Instant recordedAt;
    private String kind;
    private String actor;
    private String actorRef;
    private String text;
    private String link;
    private String data;
    private boolean keyEvent;
    private Long supersedesId;
    private String dedupKey;

    protected TimelineEntry() {}

    TimelineEntry(NewTimelineEntry e, Instant recordedAt) {
        this.incidentId = e.incidentId();
        this.occurredAt = e.occurredAt() == null ? recordedAt : e.occurredAt();
        this.recordedAt = recordedAt;
        this.kind = e.kind();
        this.actor = e.actor() == null ? "firebreak" : e.actor().name();
        this.actorRef = e.actor() == null ? null : e.actor().ref();
        this.text = e.text();
        this.link = e.link();
        this.data = e.data();
        this.keyEvent = e.keyEvent();
        this.supersedesId = e.supersedesId();
        this.dedupKey = e.dedupKey();
    }

    public Long getId() {
        return id;
    }

    public UUID getIncidentId() {
        return incidentId;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public String getKind() {
        return kind;
    }

    public String getActor() {
        return actor;
    }

    public String getActorRef() {
        return actorRef;
    }

    public String getText() {
        return text;
    }

    public String getLink() {
        return link;
    }

    public String getData() {
        return data;
    }

    public boolean isKeyEvent() {
        return keyEvent;
    }

    public Long getSupersedesId() {
        return supersedesId;
    }

    public String getDedupKey() {
        return dedupKey;
    }
}
