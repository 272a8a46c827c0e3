/**
 * The web console at {@code /}: server-rendered pages (Thymeleaf, htmx from a webjar for partial updates, readable
 * without JavaScript) for incidents, post-mortems, runbooks, insights and the bot's operations, and the sign-in
 * (OpenID Connect, or the local admin account) with the roles viewer, responder and admin.
 *
 * <p>A feature at the top of the dependency graph: it uses other features' root APIs (every change goes through
 * {@code IncidentManagement}, {@code Timeline}, {@code RunbookRuns}, the outbox's {@code OutboxAdmin}) and nothing
 * imports it. Its security chain covers only the console; {@code /api/**}, {@code /webhooks/**}, {@code /slack/**}
 * and {@code /actuator/**} keep their own authentication in a separate, stateless chain without CSRF
 * ({@link dev.firebreak.web.WebSecurityConfiguration}).
 */
package dev.firebreak.web;
