-- Signed Slack requests already accepted (issue 9, defect 5). Slack signs "v0:<timestamp>:<body>" and we accept
-- a timestamp up to 5 minutes old, so a captured request could be replayed within that window. Slack never
-- sends the same timestamp and body twice: the digest of both is remembered (in the database, so every
-- replica refuses a replay that another one accepted) and a repeat is refused. Rows older than the window
-- are purged.
CREATE TABLE slack_request_seen (
    digest             VARCHAR(64) PRIMARY KEY,
    received_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_slack_request_seen_received ON slack_request_seen (received_at);
