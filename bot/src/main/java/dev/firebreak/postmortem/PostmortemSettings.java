package dev.firebreak.postmortem;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code firebreak.postmortem.*}.
 *
 * @param template        path of a Mustache template file replacing the default (empty: the shipped template)
 * @param baseUrl         public base URL of Firebreak (e.g. {@code https://firebreak.example.com}); when set,
 *                        drafts link the activity chart absolutely, also in Slack uploads
 * @param uploadOnResolve upload the draft to the incident's Slack channel when it resolves
 * @param exportDir       directory to write each resolved incident's draft to as {@code INC-12-<slug>.md} (empty: off)
 */
@ConfigurationProperties("firebreak.postmortem")
public record PostmortemSettings(
        String template,
        String baseUrl,
        @DefaultValue("true") boolean uploadOnResolve,
        String exportDir) {

    public boolean exportEnabled() {
        return exportDir != null && !exportDir.isBlank();
    }

    /** The chart's URL for a draft served by the API (relative to {@code /api/incidents/{id}/postmortem}). */
    public String apiChartUrl(String reference) {
        if (baseUrl == null || baseUrl.isBlank()) {
            return "postmortem/activity.svg";
        }
        return absoluteChartUrl(reference);
    }

    /** The absolute chart URL, or null without a base URL (a draft outside Firebreak cannot link it). */
    public String absoluteChartUrl(String reference) {
        if (baseUrl == null || baseUrl.isBlank()) {
            return null;
        }
        String base = baseUrl.strip();
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return base + "/api/incidents/" + reference + "/postmortem/activity.svg";
    }
}
