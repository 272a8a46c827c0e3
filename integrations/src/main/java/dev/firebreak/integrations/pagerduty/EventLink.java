package dev.firebreak.integrations.pagerduty;

import java.util.Objects;

/** A link shown on the PagerDuty alert, e.g. back to the Firebreak incident. */
public record EventLink(String href, String text) {

    public EventLink {
        Objects.requireNonNull(href, "href");
    }
}
