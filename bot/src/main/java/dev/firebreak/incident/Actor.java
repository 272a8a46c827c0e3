package dev.firebreak.incident;

import java.util.Objects;

/**
 * Who did something. {@code type} says through which door (slack, api, alertmanager, pagerduty, system),
 * {@code id} is the stable reference in that system (a Slack user id, a PagerDuty user id), and
 * {@code name} is what people read. Listeners use {@code type} to avoid echo loops (a change that came
 * from PagerDuty is not sent back to PagerDuty).
 */
public record Actor(String type, String id, String name) {

    public static final String SLACK = "slack";
    public static final String API = "api";
    public static final String ALERTMANAGER = "alertmanager";
    public static final String PAGERDUTY = "pagerduty";
    public static final String SYSTEM = "system";

    public Actor {
        Objects.requireNonNull(type, "type");
        name = name == null || name.isBlank() ? (id == null ? type : id) : name;
    }

    public static Actor system() {
        return new Actor(SYSTEM, null, "firebreak");
    }

    public static Actor alertmanager() {
        return new Actor(ALERTMANAGER, null, "alertmanager");
    }

    public static Actor api(String name) {
        return new Actor(API, null, name == null ? "api" : name);
    }

    public static Actor slack(String userId, String userName) {
        return new Actor(SLACK, userId, userName);
    }

    public static Actor pagerDuty(String userId, String userName) {
        return new Actor(PAGERDUTY, userId, userName);
    }

    /** A stable reference such as {@code slack:U123}, or null when there is none. */
    public String ref() {
        return id == null ? null : type + ":" + id;
    }

    public boolean is(String actorType) {
        return type.equals(actorType);
    }
}
