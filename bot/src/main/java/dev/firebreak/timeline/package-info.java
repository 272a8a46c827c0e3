/**
 * The append-only incident timeline: {@code TimelineRecorder} writes every domain event, {@code Timeline} is the
 * API other modules record through, {@code GET/POST /api/incidents/{id}/timeline} with corrections.
 *
 * <p>Owns: the {@code timeline_entry} table and the entry kinds ({@code TimelineKinds}). Imports only
 * {@code incident} and {@code system}; Slack commands about the timeline live in {@code slack.command}.
 */
package dev.firebreak.timeline;
