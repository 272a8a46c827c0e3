/**
 * Incident response metrics, derived from the incident module's domain events only: time to acknowledge, mitigate
 * and resolve (histograms), pages sent and runbook runs ({@link dev.firebreak.metrics.IncidentMetrics}, called by
 * paging and runbook), the {@code firebreak_incidents} gauge by status and severity, and
 * {@code GET /api/metrics/incidents} (MTTA/MTTR over a window). Owns no table; reads incidents through
 * {@code incident}.
 */
package dev.firebreak.metrics;
