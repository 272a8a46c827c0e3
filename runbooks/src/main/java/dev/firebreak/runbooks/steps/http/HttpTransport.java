package dev.firebreak.runbooks.steps.http;

/**
 * Sends the HTTP calls of {@code http.request}. {@link GuardedHttpTransport} is the real one (allow-list, private
 * address refusal after DNS resolution, no cross-host redirects, size-limited bodies); tests and {@code runbook test}
 * use recorded responses. Failures are thrown as {@link dev.firebreak.runbooks.steps.StepFailure}.
 */
public interface HttpTransport {

    HttpReply exchange(HttpCall call);
}
