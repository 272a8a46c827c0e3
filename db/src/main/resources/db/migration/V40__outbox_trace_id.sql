-- Expand-only: the trace id of the request that caused an outbox task (webhook, Slack command, API call), so
-- the log lines of the later Slack/PagerDuty call carry the same trace_id as the webhook's. Nullable, so a
-- replica of the previous version (which does not write it) keeps running on this schema during an upgrade.
ALTER TABLE outbox_task ADD COLUMN trace_id VARCHAR(64);
