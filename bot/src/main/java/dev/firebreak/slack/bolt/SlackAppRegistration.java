package dev.firebreak.slack.bolt;

import com.slack.api.bolt.App;

/**
 * Registers a group of Bolt listeners (commands, buttons, modals, events) on the one {@link App}. Each
 * feature package contributes a bean; the app is built once with all of them.
 */
public interface SlackAppRegistration {

    void registerOn(App app);
}
