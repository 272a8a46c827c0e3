/**
 * PagerDuty client: Events API v2 and the REST API v2 calls an incident bot needs. Plain Java (OkHttp, Jackson 3,
 * optional Micrometer), no Spring.
 *
 * <pre>{@code
 * PagerDutyClient pagerDuty = PagerDutyClient.create(PagerDutyConfig.of(apiToken, "bot@example.com")
 *         .withMeterRegistry(registry));                       // or create(config, sharedOkHttpClient)
 * pagerDuty.trigger(TriggerEvent.of(routingKey, "firebreak-" + incidentId, title, "firebreak",
 *         EventSeverity.CRITICAL).withLinks(List.of(new EventLink(incidentUrl, "Firebreak incident"))));
 * pagerDuty.resolve(routingKey, "firebreak-" + incidentId);
 * List<OnCall> onCall = pagerDuty.listOnCalls(OnCallQuery.forEscalationPolicies(List.of(policyId)));
 * }</pre>
 *
 * <p>Failure contract (for an outbox handler): every call either returns or throws {@link
 * dev.firebreak.integrations.pagerduty.PagerDutyException}. {@code retryable()} is true for 429, 5xx, 408 and network
 * failures/timeouts that persisted through {@code maxRetries} in-call retries (map to a later retry, honouring
 * {@code retryAfter()}); false for other 4xx (map to a permanent failure with a visible warning). Calls are safe to
 * repeat: events are de-duplicated by {@code dedup_key}; {@code createIncident} with an {@code incidentKey} returns the
 * open incident already created with that key; resolving a resolved incident succeeds; acknowledging never re-opens
 * a resolved incident. Only {@code addNote} can duplicate a note when an answer is lost and the call is repeated.
 *
 * <p>Credentials never reach logs, exception messages or {@code toString()}; custom details are redacted of
 * secret-looking keys and values and bounded to 16 KB before sending. Metrics: timer
 * {@code firebreak.pagerduty.requests} tagged with the path template ({@code uri=/incidents/{id}}).
 */
package dev.firebreak.integrations.pagerduty;
