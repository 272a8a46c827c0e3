/**
 * Alert intake: {@code POST /webhooks/alertmanager} (auth, bounded parsing, correlation and dedup, severity and
 * title, auto-resolve, metrics) and {@code GET /api/incidents/{id}/alerts}.
 *
 * <p>Owns: the {@code alert} and {@code alert_notification} tables and the {@code Alert} entity, which no other
 * module touches; they read alerts through {@code incident.AlertTotals} and {@code incident.IncidentAlerts}.
 */
package dev.firebreak.alerting;
