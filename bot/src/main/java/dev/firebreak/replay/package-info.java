/**
 * Flight recorder, replay and drills (issue 14). The recorder ({@link dev.firebreak.replay.FlightRecorder},
 * {@code firebreak.recorder.*}) keeps every request to the Alertmanager webhook with its answer and exports it as a
 * capture ({@code GET /api/recordings}, format in {@link dev.firebreak.replay.Captures} and docs/replay.md); the
 * offline replay ({@link dev.firebreak.replay.ReplayCli}) runs a capture through the bot's own decisions against a
 * configuration; drills ({@link dev.firebreak.replay.Drills}, {@code POST /api/drills}, {@code /incident drill})
 * play a capture against the running bot as {@code DRILL-<n>} incidents that page nobody.
 */
package dev.firebreak.replay;
