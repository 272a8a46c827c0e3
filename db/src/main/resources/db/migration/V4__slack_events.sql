-- Slack Events API deliveries already processed. Slack re-sends an event (X-Slack-Retry-Num) when our
-- answer was slow or failed, and two replicas may both receive one: the primary key makes "process each
-- event_id once" a database rule (the insert and the work it causes commit together).
CREATE TABLE slack_event (
    event_id           VARCHAR(64) PRIMARY KEY,
    received_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_slack_event_received ON slack_event (received_at);
