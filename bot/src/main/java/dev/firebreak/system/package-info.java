/**
 * Cross-cutting infrastructure that knows no feature: the durable outbox ({@code system.outbox}: enqueue in the
 * caller's transaction, leased claims, ordered queues, bounded attempts and dead tasks, {@code /api/outbox}), the
 * {@code Clock}, the JSON mapper, JSON errors ({@code system.web}: features extend {@code BadRequestException} to
 * carry their own status) and API token auth ({@code system.security}).
 *
 * <p>Owns: the {@code outbox_task} table. Imports no feature package (checked by {@code ModuleBoundariesTest}).
 */
package dev.firebreak.system;
