-- One owner per fact: the incident's Slack channel lives in slack_channel (owned by the slack module: intent,
-- channel, card, archive). incident.slack_channel_id / slack_channel_name were a second copy; from this
-- release on nothing reads or writes them (the incident API reads the channel through slack_channel).
--
-- Expand/contract: this is the data move. The two incident columns stay (nullable, unused) so that a
-- previous-version replica still starts and runs during the rolling upgrade; they are dropped by a later
-- release's contract migration (docs/operations.md, "Upgrades").

-- A channel known only to the incident row (linked by hand, or a partial earlier write): give its
-- slack_channel row the channel, unless another incident's row already holds that channel id.
UPDATE slack_channel
SET channel_id = (SELECT i.slack_channel_id FROM incident i WHERE i.id = slack_channel.incident_id),
    channel_name = COALESCE(channel_name,
        (SELECT i.slack_channel_name FROM incident i WHERE i.id = slack_channel.incident_id))
WHERE channel_id IS NULL
  AND EXISTS (SELECT 1 FROM incident i WHERE i.id = slack_channel.incident_id AND i.slack_channel_id IS NOT NULL)
  AND NOT EXISTS (SELECT 1 FROM slack_channel o JOIN incident i ON i.id = slack_channel.incident_id
                  WHERE o.channel_id = i.slack_channel_id);

-- An incident with a channel but no slack_channel row at all.
INSERT INTO slack_channel (incident_id, intended_name, channel_id, channel_name, created_at, updated_at)
SELECT i.id, COALESCE(i.slack_channel_name, 'inc-' || i.number), i.slack_channel_id, i.slack_channel_name,
       i.updated_at, i.updated_at
FROM incident i
WHERE i.slack_channel_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM slack_channel s WHERE s.incident_id = i.id)
  AND NOT EXISTS (SELECT 1 FROM slack_channel s WHERE s.channel_id = i.slack_channel_id);
