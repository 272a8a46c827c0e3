/**
 * Slack delivery: the outbound side of the Slack module.
 *
 * <p>{@link dev.firebreak.slack.delivery.SlackDeliveryListener} turns incident events into outbox tasks in the
 * event's transaction (never a Slack call in a request). All tasks of one incident share the queue
 * {@code SlackActions.queueKey(incidentId)} and run in order:
 * {@code slack.create-channel} (intent row in {@code slack_channel} first; {@code name_taken} adopts our own
 * channel or tries {@code -2}, {@code -3}...), {@code slack.set-topic} (purpose marker once, then topic),
 * {@code slack.invite}, {@code slack.post-card} (post + pin), {@code slack.announce}, then
 * {@code slack.update-card} (coalesced: at most one pending per incident, at most one edit per
 * {@code cardUpdateInterval}), {@code slack.closing-summary}, {@code slack.unarchive}. The archive timer
 * {@code slack.archive} runs on its own queue and, when due, queues {@code slack.archive-channel} behind
 * the incident's other work.
 *
 * <p>Posts whose answer was lost (timeout, 5xx) are looked up in {@code conversations.history} on retry,
 * so a retry never posts twice. Every call goes through {@code SlackApi.call}, which gates calls after a 429 (per method, per channel for
 * {@code chat.*}) and counts failures in {@code firebreak.slack.errors{method,error}}.
 *
 * <p>Bot token scopes used: {@code channels:manage}, {@code groups:write}, {@code channels:read},
 * {@code groups:read}, {@code channels:history}, {@code groups:history}, {@code chat:write}, {@code pins:write}.
 */
package dev.firebreak.slack.delivery;
