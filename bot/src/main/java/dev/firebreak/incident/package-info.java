/**
 * Incidents: the record and its lifecycle ({@code IncidentStatus}, enforced by {@code Incident.moveTo}), numbering
 * and the {@code INC-<n>} reference, roles, the REST API {@code /api/incidents}.
 *
 * <p>Owns: the {@code incident} table. Every change goes through {@link dev.firebreak.incident.IncidentManagement},
 * which publishes past-tense events ({@code IncidentOpened}, {@code IncidentStatusChanged}, ...) in the change's
 * transaction. Read ports other modules implement: {@code AlertTotals}, {@code IncidentAlerts}. Imports no feature.
 */
package dev.firebreak.incident;
