-- The on-call invite into the incident channel used to be paging's own task kind, pagerduty.slack-invite
-- (payload {"incidentId","userIds","names"}). Slack owns every Slack call now: the one invite task is
-- slack.invite (SlackInvites.Task reads "userIds" and "names" of the old payload). Tasks still waiting
-- (or dead, so a re-drive runs them) move to the new kind; finished ones keep their history.
-- Expand/contract: a previous-version replica that still enqueues pagerduty.slack-invite during a rolling
-- upgrade is covered by the new handler's former kind (SlackInvites.FORMER_KIND), dropped in a later release.
UPDATE outbox_task SET kind = 'slack.invite'
WHERE kind = 'pagerduty.slack-invite' AND status <> 'DONE';
