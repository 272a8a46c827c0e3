-- Issue 11, intake speed: Alertmanager resends every group every group_interval, and most of those notifications
-- change nothing. After intake applies a notification it stores here a digest of what it applied for the group
-- (sha256 over the alerts' fingerprints, statuses, times, labels, annotations and links) and until when the
-- alerts' last_seen_at needs no refresh. A later firing notification with the same digest, while the incident
-- still owns the group and before fresh_until, is recorded without locking or reading the incident's alerts.
-- Keyed by the group (sha256 of the groupKey, like incident.open_correlation); a row whose incident no longer owns
-- the group is ignored (the lookup joins on incident.open_correlation) and overwritten by the next notification.
CREATE TABLE alert_group_digest (
    correlation_hash VARCHAR(64) PRIMARY KEY,
    incident_id      UUID NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
    digest           VARCHAR(64) NOT NULL,
    fresh_until      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX alert_group_digest_incident ON alert_group_digest (incident_id);
