-- Slack delivery: one row per incident that gets a Slack channel.
-- The row (the "intent": incident id + intended channel name) is written in the transaction that opens
-- the incident, BEFORE any Slack call, so a retry, a restart or a second replica finds it and never
-- creates a second channel. name_attempt is the suffix currently tried (1 = no suffix, 2 = "-2", ...).
-- The card_* columns coalesce status-card edits: every change bumps card_version; at most one
-- slack.update-card task is pending (card_task_pending); the handler records what it rendered.
CREATE TABLE slack_channel (
    incident_id            UUID PRIMARY KEY REFERENCES incident (id),
    intended_name          VARCHAR(80) NOT NULL,
    name_attempt           INTEGER NOT NULL DEFAULT 1,
    channel_id             VARCHAR(32),
    channel_name           VARCHAR(80),
    purpose_set            BOOLEAN NOT NULL DEFAULT FALSE,
    card_ts                VARCHAR(32),
    card_version           BIGINT NOT NULL DEFAULT 0,
    card_rendered_version  BIGINT NOT NULL DEFAULT 0,
    card_task_pending      BOOLEAN NOT NULL DEFAULT FALSE,
    card_updated_at        TIMESTAMP WITH TIME ZONE,
    announce_ts            VARCHAR(32),
    archived               BOOLEAN NOT NULL DEFAULT FALSE,
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_slack_channel_id UNIQUE (channel_id)
);
