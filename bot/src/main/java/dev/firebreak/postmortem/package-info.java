/**
 * Post-mortem drafts: pure data to model ({@code PostmortemModels}), Mustache to Markdown/HTML
 * ({@code PostmortemRenderer}), the activity chart, {@code GET /api/incidents/{id}/postmortem}, export and the Slack
 * upload (files v2 through {@code SlackApi}).
 *
 * <p>Owns: the {@code postmortem_upload} table and the template. Reads incidents, alerts ({@code IncidentAlerts}) and
 * the timeline; never writes them.
 */
package dev.firebreak.postmortem;
