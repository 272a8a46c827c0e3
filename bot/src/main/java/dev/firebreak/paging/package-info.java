/**
 * PagerDuty paging and on-call, both ways.
 *
 * <h2>Firebreak to PagerDuty (durable, through the outbox)</h2>
 * {@link dev.firebreak.paging.PagingListener} listens to incident events inside their transaction. When
 * {@link dev.firebreak.paging.PagingRoutes} says an incident pages (by default SEV1 and SEV2; rules by service, team
 * and labels in {@code firebreak.pagerduty.routing.*}), it writes a {@code paging_state} row (at most one per
 * incident) and enqueues, on queue {@code pagerduty:<incidentId>}, {@code pagerduty.trigger} (dedup key
 * {@code pd:trigger:<incidentId>}) and {@code pagerduty.invite-oncall}; acknowledge/resolve in Firebreak enqueue
 * {@code pagerduty.acknowledge}/{@code pagerduty.resolve} on the same queue, so they run in order after the trigger.
 * Events v2 uses {@code dedup_key = firebreak-<incidentUUID>}, so PagerDuty itself never opens two incidents for one
 * of ours. Changes whose actor is {@code pagerduty} are never sent back (no echo loop).
 *
 * <h2>The PagerDuty incident id</h2>
 * Events v2 answers only with the dedup key. The id is learned (a) by {@code pagerduty.link-incident}, which calls
 * REST {@code GET /incidents?incident_key=firebreak-<uuid>} after the trigger succeeded (bounded retries on its own
 * queue: PagerDuty processes events asynchronously), and (b) from any webhook whose incident carries
 * {@code incident_key}. Both lookups ({@code PagerDutyClient.incidentByKey},
 * {@code PagerDutyClient.userByEmail}) are client methods with its retries, redaction, limits and metrics. With the id known, severity and status changes become
 * PagerDuty incident notes ({@code pagerduty.note}, queue {@code pagerduty-notes:<incidentId>}). Without an API
 * token only Events are used and no notes are written.
 *
 * <h2>PagerDuty to Firebreak</h2>
 * {@code POST /webhooks/pagerduty} (v3) verifies {@code X-PagerDuty-Signature} over the raw body against every
 * configured secret, then maps the event to an incident through {@code paging_link} (or the incident key),
 * remembers the event id ({@code pagerduty_webhook_event}: redeliveries are answered 200 and not applied), and
 * records it on the timeline; acknowledge/resolve of the incident's own page move the incident as a pagerduty
 * actor. Unknown incidents are answered 202 and change nothing.
 *
 * <h2>Slack</h2>
 * {@link dev.firebreak.paging.OnCallCommand} ({@code /oncall}) and {@link dev.firebreak.paging.PageCommand}
 * ({@code /incident page}).
 */
package dev.firebreak.paging;
