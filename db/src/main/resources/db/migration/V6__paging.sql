-- PagerDuty paging state (branch paging). Portable SQL: H2 (MODE=PostgreSQL) and PostgreSQL.

-- One row per incident that Firebreak decided to page: written in the transaction that enqueued the
-- trigger, so an incident is paged at most once whatever the replicas, retries and duplicate events.
CREATE TABLE paging_state (
    incident_id        UUID PRIMARY KEY REFERENCES incident (id),
    -- Events v2 dedup_key (firebreak-<incident uuid>), also PagerDuty's incident_key.
    dedup_key          VARCHAR(255) NOT NULL,
    route_name         VARCHAR(255) NOT NULL,
    escalation_policy  VARCHAR(64),
    requested_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    -- Set when PagerDuty accepted the trigger.
    triggered_at       TIMESTAMP WITH TIME ZONE,
    -- The PagerDuty incident, once known (REST lookup by incident_key, or a webhook).
    pd_incident_id     VARCHAR(64),
    pd_incident_url    VARCHAR(2048),
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_paging_state_dedup UNIQUE (dedup_key)
);
CREATE INDEX ix_paging_state_pd_incident ON paging_state (pd_incident_id);

-- Every PagerDuty incident known to belong to a Firebreak incident: the automatic page ('trigger') and
-- pages from /incident page ('page'). Webhooks are mapped through it.
CREATE TABLE paging_link (
    pd_incident_id     VARCHAR(64) PRIMARY KEY,
    incident_id        UUID NOT NULL REFERENCES incident (id),
    kind               VARCHAR(16) NOT NULL,
    target             VARCHAR(255),
    html_url           VARCHAR(2048),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_paging_link_incident ON paging_link (incident_id);

-- PagerDuty webhook deliveries already processed (by event id): a redelivery is acknowledged, not re-applied.
CREATE TABLE pagerduty_webhook_event (
    event_id           VARCHAR(128) PRIMARY KEY,
    event_type         VARCHAR(64) NOT NULL,
    pd_incident_id     VARCHAR(64),
    incident_id        UUID,
    received_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
