/**
 * The dead man's switch: pages PagerDuty directly (not through an incident) when the Watchdog alert stops arriving
 * through Alertmanager, and resolves that page when it comes back. The intake side (recognising the Watchdog and
 * recording heartbeats) is {@code alerting.WatchdogHeartbeats}; this package runs the check once across replicas
 * ({@code system.scheduling.JobLeases}) and sends the Events v2 trigger/resolve through the outbox.
 */
package dev.firebreak.watchdog;
