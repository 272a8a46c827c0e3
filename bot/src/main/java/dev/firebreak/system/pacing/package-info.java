/**
 * Client-side rate budgets shared by every replica through the database ({@link dev.firebreak.system.pacing.RateBudgets}):
 * Slack and PagerDuty calls take a slot before they go, by {@link dev.firebreak.system.pacing.Priority}, and a
 * vendor's 429 holds the budget for every replica. Imports no feature.
 */
package dev.firebreak.system.pacing;
