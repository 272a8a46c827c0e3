package dev.firebreak.system.web;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletRequest;

/** Runs something once an asynchronous request has completed (its response is written), for filters. */
public final class AsyncCompletion {

    private AsyncCompletion() {}

    /** {@code request} must be in async mode ({@link ServletRequest#isAsyncStarted()}). */
    public static void onComplete(ServletRequest request, Runnable action) {
        request.getAsyncContext().addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                action.run();
            }

            @Override
            public void onTimeout(AsyncEvent event) {}

            @Override
            public void onError(AsyncEvent event) {}

            @Override
            public void onStartAsync(AsyncEvent event) {}
        });
    }
}
